import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { LinkBase, useTranslate } from 'react-admin';

/** "By organization" / "By region": two views of the same counts. */
export const CountsViewSwitch = ({ current }: { current: 'organizations' | 'regions' }) => {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup
      size="small"
      value={current}
      exclusive
      aria-label={translate('unidos.people_counts.view')}
    >
      <ToggleButton
        value="organizations"
        component={LinkBase}
        to="/people-counts"
        sx={{ textTransform: 'none' }}
      >
        {translate('unidos.people_counts.by_organization')}
      </ToggleButton>
      <ToggleButton
        value="regions"
        component={LinkBase}
        to="/people-counts/regions"
        sx={{ textTransform: 'none' }}
      >
        {translate('unidos.people_counts.by_region')}
      </ToggleButton>
    </ToggleButtonGroup>
  );
};
