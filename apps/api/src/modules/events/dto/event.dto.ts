import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  NotEquals,
} from 'class-validator';
import { EVENT_KINDS, LANGUAGE_CODES, US_STATES, type EventKind } from '@unidos/contracts';
import { NoControlChars, Trim, TrimToNull } from '@api/common/http/transforms';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };

export class CreateEventDto {
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) @NoControlChars()
  title!: string;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(5000) @NoControlChars()
  description?: string | null;

  @ApiProperty({ enum: EVENT_KINDS }) @IsIn(EVENT_KINDS)
  kind!: EventKind;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  campaignId?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  demandId?: string | null;

  @ApiProperty({ description: 'An instant with its offset, e.g. 2026-12-05T11:00:00-06:00' })
  @IsISO8601({ strict: true, strictSeparator: true }) @MaxLength(40)
  startsAt!: string;

  @ApiProperty() @IsISO8601({ strict: true, strictSeparator: true }) @MaxLength(40)
  endsAt!: string;

  @ApiProperty({ description: 'IANA time zone, e.g. America/Chicago' }) @IsString() @IsNotEmpty() @MaxLength(64)
  timeZone!: string;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(200) @NoControlChars()
  venue?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(300) @NoControlChars()
  address?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(120) @NoControlChars()
  city?: string | null;

  @ApiPropertyOptional({ enum: US_STATES }) @IsOptional() @IsIn(US_STATES)
  state?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsUrl(URL_OPTIONS) @MaxLength(500)
  onlineUrl?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1_000_000)
  capacity?: number | null;

  @ApiPropertyOptional({ isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsIn(LANGUAGE_CODES, { each: true })
  languages?: string[];

  @ApiPropertyOptional({ isArray: true, description: 'Languages interpretation is offered into' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsIn(LANGUAGE_CODES, { each: true })
  interpretation?: string[];

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(2000) @NoControlChars()
  accessibilityNotes?: string | null;

  @ApiPropertyOptional({ enum: ['draft', 'published'] }) @IsOptional() @IsIn(['draft', 'published'])
  status?: 'draft' | 'published';

  @ApiPropertyOptional({ description: 'Alliance roles only: the lead organization (a coordinator leads for their own)' })
  @IsOptional() @IsUUID()
  leadOrganizationId?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1_000_000)
  turnoutGoal?: number | null;

  @ApiPropertyOptional({ description: 'Organizations invited to co-host' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true })
  coHostIds?: string[];
}

export class UpdateEventDto extends PartialType(OmitType(CreateEventDto, ['leadOrganizationId', 'turnoutGoal', 'coHostIds'] as const)) {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;
}

export class CancelEventDto {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;

  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(2000) @NoControlChars()
  reason!: string;
}

export class CompleteEventDto {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: "Record each host's reported attendance on its turnout pledge for the campaign" })
  @IsOptional() @IsBoolean()
  recordAttendance?: boolean;
}

export class InviteHostDto {
  @ApiProperty() @IsUUID()
  eventId!: string;

  @ApiProperty() @IsUUID()
  organizationId!: string;
}

export class UpdateHostDto {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: ['accepted', 'declined'], description: "The host's answer to the invitation" })
  @IsOptional() @IsIn(['accepted', 'declined'])
  status?: 'accepted' | 'declined';

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1_000_000)
  turnoutGoal?: number | null;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1_000_000)
  reportedAttendance?: number | null;
}

export class WalkInsDto {
  @ApiProperty({ description: '+1 for someone counted at the door, -1 to undo' })
  @IsInt() @NotEquals(0) @Min(-1000) @Max(1000)
  delta!: number;
}

export class CreateRsvpDto {
  @ApiProperty() @IsUUID()
  eventId!: string;

  @ApiPropertyOptional({ description: "One of the organization's people" }) @IsOptional() @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: 'Or a first name only' })
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(60) @NoControlChars()
  firstName?: string;

  @ApiPropertyOptional({ enum: ['going', 'maybe', 'declined'] }) @IsOptional() @IsIn(['going', 'maybe', 'declined'])
  status?: 'going' | 'maybe' | 'declined';
}

export class UpdateRsvpDto {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;

  @ApiProperty({ enum: ['going', 'maybe', 'declined', 'no_show'] }) @IsIn(['going', 'maybe', 'declined', 'no_show'])
  status!: 'going' | 'maybe' | 'declined' | 'no_show';
}
