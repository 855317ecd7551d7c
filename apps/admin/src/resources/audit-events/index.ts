import HistoryIcon from '@mui/icons-material/History';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

/** The audit log, read only (alliance admins). */
export default {
  list: AuditEventList,
  create: undefined,
  edit: undefined,
  show: AuditEventShow,
  icon: HistoryIcon,
  recordRepresentation: (record: { action?: string; entityType?: string }) =>
    [record.action, record.entityType].filter(Boolean).join(' · '),
};
