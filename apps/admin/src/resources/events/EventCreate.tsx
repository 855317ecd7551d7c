import { Create, Edit, ShowButton, TopToolbar, type TransformData } from 'react-admin';
import { EventForm } from './EventForm';
import { toApiValues } from './payload';

/** Start and end go to the API as instants with the chosen zone's offset. */
const transform: TransformData = (data: Record<string, unknown>, options?: { previousData?: unknown }) =>
  toApiValues(data, options?.previousData as Record<string, unknown> | undefined);

export const EventCreate = () => (
  <Create redirect="show" transform={transform}>
    <EventForm mode="create" />
  </Create>
);

const EditActions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

/** Pessimistic, so a 409 (someone saved meanwhile) or a 422 shows and nothing typed is lost. */
export const EventEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<EditActions />} transform={transform}>
    <EventForm mode="edit" />
  </Edit>
);
