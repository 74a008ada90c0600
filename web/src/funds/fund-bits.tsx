import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInt, formatPercent } from '../common/format';
import type { Fund } from './fund-api';

/** Allocated (the bar) and spent (the bar's success part) out of the fund's amount. */
export function FundUse({ fund }: { fund: Fund }) {
  const { t } = useTranslation('funds');
  const pct = (n: number) => (fund.amountYuan > 0 ? Math.min(100, (n / fund.amountYuan) * 100) : 0);
  return (
    <Flex vertical gap={0} style={{ minWidth: 160 }}>
      <Progress
        percent={pct(fund.allocatedYuan)}
        success={{ percent: pct(fund.spentYuan) }}
        showInfo={false}
        size="small"
        aria-label={`${t('allocated')} ${formatPercent(fund.amountYuan ? fund.allocatedYuan / fund.amountYuan : null)}`}
      />
      <Typography.Text style={{ fontSize: 12 }}>
        {t('allocated')} {formatInt(fund.allocatedYuan)} · {t('spent')} {formatInt(fund.spentYuan)}
      </Typography.Text>
    </Flex>
  );
}
