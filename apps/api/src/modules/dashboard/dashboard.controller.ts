import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  PLEDGE_METRICS,
  type AllianceDashboardDto,
  type ChartSeriesDto,
  type OrganizationDashboardDto,
} from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { CurrentActor, Roles } from '@api/common/auth/decorators';
import { fieldError } from '@api/common/errors/domain-error';
import { streamCsv } from '@api/common/http/csv';
import { UuidPipe } from '@api/common/http/uuid.pipe';
import { DashboardService } from './dashboard.service';

/** Chart data as JSON, or as CSV with `?format=csv` (each chart's numbers as a table). */
async function answer(
  series: ChartSeriesDto[],
  format: string | undefined,
  res: Response,
  name: string,
): Promise<ChartSeriesDto[] | undefined> {
  if (format !== 'csv') return series;
  const rows = series.flatMap((s) => s.points.map((p) => ({ series: s.key, x: p.x, y: p.y })));
  await streamCsv(res, `${name}.csv`, ['series', 'x', 'y'], (csv) => csv.rows(rows));
  return undefined;
}

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('alliance')
  @Roles('alliance_admin', 'alliance_organizer')
  alliance(@CurrentActor() actor: Actor): Promise<AllianceDashboardDto> {
    return this.dashboard.alliance(actor);
  }

  @Get('organization')
  @Roles('org_coordinator', 'org_viewer')
  organization(@CurrentActor() actor: Actor): Promise<OrganizationDashboardDto> {
    return this.dashboard.organization(actor);
  }

  @Get('charts/progress')
  async progress(
    @CurrentActor() actor: Actor,
    @Query('campaignId', UuidPipe) campaignId: string,
    @Query('metric') metric: string,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ChartSeriesDto[] | undefined> {
    if (!(PLEDGE_METRICS as readonly string[]).includes(metric)) throw fieldError('metric', 'field.isIn');
    return answer(
      [await this.dashboard.progressOverTime(actor, campaignId, metric)],
      format,
      res,
      'progress',
    );
  }

  @Get('charts/attendance')
  async attendance(
    @CurrentActor() actor: Actor,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ChartSeriesDto[] | undefined> {
    return answer(await this.dashboard.attendance(actor), format, res, 'attendance');
  }

  @Get('charts/new-members')
  async newMembers(
    @CurrentActor() actor: Actor,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ChartSeriesDto[] | undefined> {
    return answer([await this.dashboard.newMembers(actor)], format, res, 'new-members');
  }
}
