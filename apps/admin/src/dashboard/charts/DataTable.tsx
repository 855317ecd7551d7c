import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';

/** A small accessible table: a caption, column headers, the first cell of each row as its header. */
export const NumbersTable = ({
  caption,
  columns,
  rows,
  testId,
}: {
  caption: string;
  /** The first column is text; the others are numbers (right-aligned). */
  columns: string[];
  rows: Array<{ key: string; cells: ReactNode[] }>;
  testId?: string;
}) => (
  <Table size="small" data-testid={testId}>
    <caption>{caption}</caption>
    <TableHead>
      <TableRow>
        {columns.map((column, i) => (
          <TableCell key={column} component="th" scope="col" align={i === 0 ? 'left' : 'right'}>
            {column}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((row) => (
        <TableRow key={row.key}>
          {row.cells.map((cell, i) =>
            i === 0 ? (
              <TableCell key={i} component="th" scope="row">
                {cell}
              </TableCell>
            ) : (
              <TableCell key={i} align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {cell}
              </TableCell>
            ),
          )}
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
