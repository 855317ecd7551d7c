import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  NotEquals,
} from 'class-validator';
import { PLEDGE_METRICS, type PledgeMetric } from '@unidos/contracts';
import { IsPhone, NoControlChars, Trim, TrimToNull } from '@api/common/http/transforms';
import { MAX_QUANTITY } from '@api/modules/campaigns/dto/campaign.dto';

const QUANTITY = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false } as const;

export class CreatePledgeDto {
  @ApiProperty() @IsUUID()
  campaignId!: string;

  @ApiPropertyOptional({ description: "Alliance roles only; a coordinator pledges for their own organization" })
  @IsOptional() @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  demandId?: string | null;

  @ApiProperty({ enum: PLEDGE_METRICS }) @IsIn(PLEDGE_METRICS)
  metric!: PledgeMetric;

  @ApiProperty({ description: 'Positive; whole except for dollars (cents allowed)' })
  @IsNumber(QUANTITY) @Min(0.01) @Max(MAX_QUANTITY)
  quantity!: number;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) @MaxLength(10)
  dueOn?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(2000) @NoControlChars()
  note?: string | null;
}

export class UpdatePledgeDto {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;

  @ApiPropertyOptional() @IsOptional() @IsNumber(QUANTITY) @Min(0.01) @Max(MAX_QUANTITY)
  quantity?: number;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) @MaxLength(10)
  dueOn?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  demandId?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(2000) @NoControlChars()
  note?: string | null;

  @ApiPropertyOptional({ enum: ['open', 'cancelled'], description: 'Cancel, or reopen a cancelled pledge. Fulfilment is derived from reports.' })
  @IsOptional() @IsIn(['open', 'cancelled'])
  status?: 'open' | 'cancelled';
}

export class CreatePledgeReportDto {
  @ApiProperty() @IsUUID()
  pledgeId!: string;

  @ApiProperty({ description: 'Non-zero; negative for a correction (with a note)' })
  @IsNumber(QUANTITY) @NotEquals(0) @Min(-MAX_QUANTITY) @Max(MAX_QUANTITY)
  quantity!: number;

  @ApiPropertyOptional({ description: 'Defaults to today' }) @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) @MaxLength(10)
  reportedOn?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  eventId?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(2000) @NoControlChars()
  note?: string | null;
}

/** The public "commit to get involved" form of an active campaign. */
export class PledgeOfferRequestDto {
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(160) @NoControlChars()
  organizationName!: string;

  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(120) @NoControlChars()
  contactName!: string;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsEmail() @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsPhone() @MaxLength(30)
  contactPhone?: string | null;

  @ApiProperty({ enum: PLEDGE_METRICS }) @IsIn(PLEDGE_METRICS)
  metric!: PledgeMetric;

  @ApiProperty() @IsNumber(QUANTITY) @Min(0.01) @Max(MAX_QUANTITY)
  quantity!: number;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(2000) @NoControlChars()
  note?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500)
  homepage?: string;
}

export class AcceptOfferDto {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;

  @ApiProperty({ description: 'The member organization the offer is matched to (register the group first if it is new)' })
  @IsUUID()
  organizationId!: string;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) @MaxLength(10)
  dueOn?: string | null;
}

export class RejectOfferDto {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;
}
