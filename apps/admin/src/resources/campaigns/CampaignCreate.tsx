import { Create, Edit, ShowButton, TopToolbar } from 'react-admin';
import { CampaignForm } from './CampaignForm';

export const CampaignCreate = () => (
  <Create redirect="show">
    <CampaignForm mode="create" />
  </Create>
);

const EditActions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

/** Pessimistic, so a 409 (someone saved meanwhile) shows and nothing typed is lost. */
export const CampaignEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<EditActions />}>
    <CampaignForm mode="edit" />
  </Edit>
);
