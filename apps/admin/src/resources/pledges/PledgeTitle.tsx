import { useRecordContext, useTranslate } from 'react-admin';
import type { PledgeDto } from '@unidos/contracts';
import { useCampaignFormat } from '../campaigns/fields';

/** How a pledge is named (page titles, references): "Centro Obrero · 500 calls". */
export const PledgeTitle = () => {
  const translate = useTranslate();
  const format = useCampaignFormat();
  const record = useRecordContext<PledgeDto>();
  if (!record) return null;
  return (
    <>
      {translate('unidos.pledges.representation', {
        organization: record.organizationName,
        quantity: format.quantity(record.quantity, record.metric),
        unit: format.unit(record.metric),
      })}
    </>
  );
};
