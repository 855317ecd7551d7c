import { Create, Edit, ShowButton, TopToolbar } from 'react-admin';
import { CancelPledgeButton } from './CancelPledgeButton';
import { PledgeCreateForm, PledgeEditForm } from './PledgeForm';

/** `?source={"campaignId":…}` (the campaign page's "Pledge" button) preselects the campaign. */
export const PledgeCreate = () => (
  <Create redirect="show">
    <PledgeCreateForm />
  </Create>
);

const EditActions = () => (
  <TopToolbar>
    <CancelPledgeButton />
    <ShowButton />
  </TopToolbar>
);

/** Pessimistic, so a 409 (someone changed the pledge meanwhile) shows and nothing typed is lost. */
export const PledgeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<EditActions />}>
    <PledgeEditForm />
  </Edit>
);
