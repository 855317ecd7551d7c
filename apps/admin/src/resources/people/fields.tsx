import type { ComponentType } from 'react';
import { Box, Chip, Stack, Tooltip } from '@mui/material';
import CallIcon from '@mui/icons-material/Call';
import EmailIcon from '@mui/icons-material/Email';
import GroupsIcon from '@mui/icons-material/Groups';
import LockIcon from '@mui/icons-material/Lock';
import SmsIcon from '@mui/icons-material/Sms';
import VoicemailIcon from '@mui/icons-material/Voicemail';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { useRecordContext, useTranslate } from 'react-admin';
import type { PersonDto } from '@unidos/contracts';
import { EmptyValue } from '../../common/fields';

/** The five contact-safety flags, in the order the form and the list show them. */
export const SAFETY_FLAGS = ['okToText', 'okToCall', 'okToEmail', 'signalOnly', 'noVoicemail'] as const;
export type SafetyFlag = (typeof SAFETY_FLAGS)[number];

/** "No voicemail": the voicemail icon struck through. */
const NoVoicemailIcon = ({ fontSize }: { fontSize?: 'small' | 'inherit' }) => (
  <Box
    component="span"
    sx={{
      position: 'relative',
      display: 'inline-flex',
      '&::after': {
        content: '""',
        position: 'absolute',
        left: '-8%',
        right: '-8%',
        top: 'calc(50% - 1px)',
        borderTop: '2px solid currentColor',
        boxShadow: '0 1px 0 0 #fff',
        transform: 'rotate(-45deg)',
      },
    }}
  >
    <VoicemailIcon fontSize={fontSize} />
  </Box>
);

export const FLAG_ICONS: Record<SafetyFlag, ComponentType<{ fontSize?: 'small' | 'inherit' }>> = {
  okToText: SmsIcon,
  okToCall: CallIcon,
  okToEmail: EmailIcon,
  signalOnly: LockIcon,
  noVoicemail: NoVoicemailIcon,
};

export const flagLabel = (flag: SafetyFlag) => `resources.people.fields.${flag}`;

/**
 * The flags that are on, as small icons. Each has a tooltip for the eye and an accessible name for
 * screen readers; flags that are off are not shown.
 */
export const PersonFlagsField = (_props: { label?: string }) => {
  const record = useRecordContext<PersonDto>();
  const translate = useTranslate();
  if (!record) return null;
  const on = SAFETY_FLAGS.filter((flag) => record[flag]);
  if (on.length === 0) return <EmptyValue />;
  return (
    <Stack direction="row" spacing={0.75} component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
      {on.map((flag) => {
        const Icon = FLAG_ICONS[flag];
        const label = translate(flagLabel(flag));
        return (
          <Tooltip key={flag} title={label}>
            <Box
              component="li"
              role="img"
              aria-label={label}
              sx={{
                display: 'inline-flex',
                color: flag === 'signalOnly' || flag === 'noVoicemail' ? 'warning.dark' : 'text.secondary',
              }}
            >
              <Icon fontSize="small" />
            </Box>
          </Tooltip>
        );
      })}
    </Stack>
  );
};

/** "Organization only" or "Coalition", as a chip; the text carries the meaning. */
export const VisibilityField = (_props: { label?: string }) => {
  const record = useRecordContext<PersonDto>();
  const translate = useTranslate();
  if (!record) return null;
  const coalition = record.visibility === 'coalition';
  return (
    <Tooltip title={translate(`enums.personVisibility.${record.visibility}`, { _: record.visibility })}>
      <Chip
        size="small"
        variant="outlined"
        color={coalition ? 'info' : 'default'}
        icon={coalition ? <GroupsIcon /> : <VisibilityOffIcon />}
        label={translate(`unidos.people.visibility_short.${record.visibility}`, { _: record.visibility })}
      />
    </Tooltip>
  );
};
