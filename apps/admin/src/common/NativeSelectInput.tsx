import { TextField } from '@mui/material';
import { InputHelperText, useInput, useTranslate, type Validator } from 'react-admin';
import type { Choice } from './choices';

interface NativeSelectInputProps {
  source: string;
  /** Translation key of the label. */
  label: string;
  choices: Choice[];
  validate?: Validator | Validator[];
  helperText?: string;
  defaultValue?: string;
  autoComplete?: string;
}

/**
 * A react-admin input rendered as a native `<select>`: the phone's own picker on mobile, a plain
 * labelled control for screen readers, `selectOption()` in browser tests. Used on the public form.
 */
export const NativeSelectInput = ({
  source,
  label,
  choices,
  validate,
  helperText,
  defaultValue,
  autoComplete,
}: NativeSelectInputProps) => {
  const translate = useTranslate();
  const { id, field, fieldState, isRequired } = useInput({ source, validate, defaultValue });
  const error = fieldState.error?.message;
  const value: unknown = field.value;
  return (
    <TextField
      select
      id={id}
      name={field.name}
      inputRef={field.ref}
      value={typeof value === 'string' ? value : ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      label={translate(label)}
      required={isRequired}
      error={fieldState.invalid}
      helperText={<InputHelperText error={error} helperText={helperText} />}
      slotProps={{
        select: { native: true },
        inputLabel: { shrink: true },
        htmlInput: { autoComplete: autoComplete ?? 'off' },
      }}
    >
      <option value="" disabled={isRequired} />
      {choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {translate(choice.name, { _: choice.id })}
        </option>
      ))}
    </TextField>
  );
};
