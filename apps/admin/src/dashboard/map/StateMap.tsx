import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import {
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import TableChartIcon from '@mui/icons-material/TableChart';
import { useNavigate, useTranslate } from 'react-admin';
import type { AllianceDashboardDto } from '@unidos/contracts';
import { directoryForState } from '../format';
import { focusRing, TextLink, useDashboardFormat } from '../parts';
import { colorScale, EMPTY_COLOR } from './colorScale';
import { MAP_HEIGHT, MAP_WIDTH, MAPPED_STATES, STATE_SHAPES } from './shapes';

type StateRow = AllianceDashboardDto['membership']['byState'][number];

/**
 * A choropleth of the US: active member organizations per state, a legend, and the same numbers as
 * a table on demand. Each state with organizations is a link (Tab to it, Enter or click) to the
 * directory filtered to that state; its name says the numbers ("Illinois: 3 member organizations").
 */
const StateMap = ({ rows }: { rows: StateRow[] }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const navigate = useNavigate();
  const tableId = useId();
  const [current, setCurrent] = useState<string | null>(null);
  const [showTable, setShowTable] = useState(false);

  const byState = useMemo(() => new Map(rows.map((row) => [row.state, row])), [rows]);
  const scale = useMemo(() => colorScale(Math.max(0, ...rows.map((row) => row.active))), [rows]);
  const stateName = (code: string) => translate(`enums.state.${code}`, { _: code });
  const label = (code: string) => {
    const row = byState.get(code);
    const active = row?.active ?? 0;
    const text = translate('unidos.dashboard.map.state', { state: stateName(code), smart_count: active });
    return row?.applicant
      ? `${text}, ${translate('unidos.dashboard.map.state_applicants', { smart_count: row.applicant })}`
      : text;
  };
  const open = (code: string) => navigate(directoryForState(code));
  const onKeyDown = (code: string) => (event: KeyboardEvent<SVGPathElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      open(code);
    }
  };
  const highlighted = STATE_SHAPES.find((shape) => shape.code === current);
  const sortedRows = useMemo(
    () => [...rows].sort((a, b) => stateName(a.state).localeCompare(stateName(b.state), format.locale)),
    // stateName only depends on translate, which changes with the locale.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, translate, format.locale],
  );
  const outside = rows.some((row) => !MAPPED_STATES.has(row.state));

  return (
    <Box data-testid="dashboard-state-map">
      <Typography component="h3" variant="subtitle2" sx={{ fontWeight: 600, mb: 0.5 }}>
        {translate('unidos.dashboard.map.title')}
      </Typography>
      <Box
        component="svg"
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="group"
        aria-label={translate('unidos.dashboard.map.label')}
        sx={{ display: 'block', width: '100%', height: 'auto', maxHeight: 420 }}
      >
        {STATE_SHAPES.map(({ code, d }) => {
          const row = byState.get(code);
          const fill = row ? scale.colorFor(row.active) : EMPTY_COLOR;
          if (!row)
            return <path key={code} d={d} fill={fill} stroke="#ffffff" strokeWidth={0.75} aria-hidden />;
          return (
            <path
              key={code}
              d={d}
              fill={fill}
              stroke="#ffffff"
              strokeWidth={0.75}
              role="link"
              tabIndex={0}
              aria-label={label(code)}
              data-state={code}
              data-testid={`map-state-${code}`}
              style={{ cursor: 'pointer', outline: 'none' }}
              onClick={() => open(code)}
              onKeyDown={onKeyDown(code)}
              onFocus={() => setCurrent(code)}
              onBlur={() => setCurrent((was) => (was === code ? null : was))}
              onMouseEnter={() => setCurrent(code)}
              onMouseLeave={() => setCurrent((was) => (was === code ? null : was))}
            />
          );
        })}
        {highlighted ? (
          <g aria-hidden pointerEvents="none">
            <path d={highlighted.d} fill="none" stroke="#000000" strokeWidth={4} strokeLinejoin="round" />
            <path d={highlighted.d} fill="none" stroke="#ffffff" strokeWidth={1.5} strokeLinejoin="round" />
          </g>
        ) : null}
      </Box>
      {/* What the pointer or the keyboard is on, for sighted users (the link itself says it to screen readers). */}
      <Typography
        variant="body2"
        aria-hidden
        sx={{ minHeight: '1.5em', mt: 0.5, fontWeight: current ? 600 : 400 }}
      >
        {current ? label(current) : translate('unidos.dashboard.map.hint')}
      </Typography>
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mt: 1 }}
      >
        <Legend bins={scale.bins} />
        <Button
          size="small"
          startIcon={<TableChartIcon />}
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((shown) => !shown)}
          sx={focusRing}
        >
          {translate(showTable ? 'unidos.dashboard.map.hide_table' : 'unidos.dashboard.map.show_table')}
        </Button>
      </Stack>
      {outside ? (
        <Typography variant="caption" color="text.secondary" component="p">
          {translate('unidos.dashboard.map.outside')}
        </Typography>
      ) : null}
      <Box id={tableId} hidden={!showTable} sx={{ mt: 1 }}>
        {showTable ? (
          <TableContainer>
            <Table size="small" data-testid="dashboard-state-table">
              <caption>{translate('unidos.dashboard.map.table_caption')}</caption>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    {translate('unidos.dashboard.map.state_column')}
                  </TableCell>
                  <TableCell component="th" scope="col" align="right">
                    {translate('unidos.dashboard.map.active_column')}
                  </TableCell>
                  <TableCell component="th" scope="col" align="right">
                    {translate('unidos.dashboard.map.applicant_column')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {sortedRows.map((row) => (
                  <TableRow key={row.state}>
                    <TableCell component="th" scope="row">
                      <TextLink to={directoryForState(row.state)}>{stateName(row.state)}</TextLink>
                    </TableCell>
                    <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      {format.number(row.active)}
                    </TableCell>
                    <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      {format.number(row.applicant)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ) : null}
      </Box>
    </Box>
  );
};

const Swatch = ({ color }: { color: string }) => (
  <Box
    component="span"
    aria-hidden
    sx={{
      width: 16,
      height: 12,
      bgcolor: color,
      border: 1,
      borderColor: 'grey.500',
      display: 'inline-block',
    }}
  />
);

/** The colour steps, with the numbers each one stands for. */
const Legend = ({ bins }: { bins: { min: number; max: number; color: string }[] }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const labelId = useId();
  const range = (min: number, max: number) =>
    min === max ? format.number(min) : `${format.number(min)}–${format.number(max)}`;
  return (
    <Box>
      <Typography id={labelId} variant="caption" color="text.secondary" component="p">
        {translate('unidos.dashboard.map.legend')}
      </Typography>
      <Box
        component="ul"
        aria-labelledby={labelId}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, listStyle: 'none', m: 0, p: 0 }}
      >
        <Box component="li" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <Swatch color={EMPTY_COLOR} />
          <Typography variant="caption">{translate('unidos.dashboard.map.legend_none')}</Typography>
        </Box>
        {bins.map((bin) => (
          <Box component="li" key={bin.min} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <Swatch color={bin.color} />
            <Typography variant="caption">{range(bin.min, bin.max)}</Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
};

export default StateMap;
