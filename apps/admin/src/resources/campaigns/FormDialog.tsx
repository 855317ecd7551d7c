import { type ReactNode, useId } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { Form, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';

/** The form's own starting point (react-admin forms otherwise read the record in context). */
const NO_RECORD = {};

const SubmitButton = ({ label }: { label: string }) => {
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" disabled={isSubmitting}>
      {label}
    </Button>
  );
};

/**
 * A small react-admin form in a dialog (a demand, a goal, an endorsement…). `onSubmit` may return
 * field errors, which react-admin shows inline; returning nothing closes nothing by itself: the
 * caller closes the dialog when the save succeeded.
 */
export const FormDialog = <T extends Record<string, unknown>>({
  open,
  onClose,
  title,
  submitLabel,
  defaultValues,
  onSubmit,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  defaultValues?: Partial<T>;
  onSubmit: (values: T) => Promise<Record<string, string> | undefined>;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      {open ? (
        <Form
          // Not the page's record: a dialog on a campaign's page must not start from the campaign's fields.
          record={NO_RECORD}
          defaultValues={defaultValues as Record<string, unknown> | undefined}
          onSubmit={(values: Record<string, unknown>) => onSubmit(values as T)}
          noValidate
          disableInvalidFormNotification
        >
          <DialogTitle id={titleId}>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
            <SubmitButton label={submitLabel} />
          </DialogActions>
        </Form>
      ) : null}
    </Dialog>
  );
};
