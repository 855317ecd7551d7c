import type { ReactNode } from 'react';
import { Card, CardContent, Typography } from '@mui/material';

/** A titled card grouping part of a show page; the title is a real heading for screen readers. */
export const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardContent>
      <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/** A heading inside a form, between groups of inputs. */
export const FormSection = ({ title }: { title: string }) => (
  <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600, mt: 2, mb: 0.5 }}>
    {title}
  </Typography>
);
