import UploadFileIcon from '@mui/icons-material/UploadFile';
import { ImportList } from './ImportList';
import { ImportShow } from './ImportShow';
import { ImportWizard } from './ImportWizard';

/**
 * CSV imports: the history (`/imports`), one import (`/imports/:id/show`) and the import steps
 * (`/imports/create?kind=`), opened from the People, Organizations and Pledges lists.
 */
export default {
  list: ImportList,
  create: ImportWizard,
  show: ImportShow,
  icon: UploadFileIcon,
  recordRepresentation: 'filename',
};
