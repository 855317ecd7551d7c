import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  Max,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
  IsDefined,
  IsObject,
  Matches,
} from 'class-validator';
import {
  DUES_TIERS,
  type DuesTier,
  FOCUS_AREAS,
  type FocusArea,
  LANGUAGE_CODES,
  LOCALES,
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  US_STATES,
} from '@unidos/contracts';
import { IsPhone, NoControlChars, Trim, TrimToNull } from '@api/common/http/transforms';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };
/** A date, or a date and time, as ISO 8601 writes them — nothing looser. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Profile fields; an organization's own coordinator may edit these and nothing else. */
export class OrganizationProfileDto {
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(160) @NoControlChars()
  name!: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS }) @IsIn(ORGANIZATION_KINDS)
  kind!: OrganizationKind;

  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(120) @NoControlChars()
  city!: string;

  @ApiProperty({ enum: US_STATES }) @IsIn(US_STATES)
  state!: string;

  @ApiPropertyOptional({ enum: FOCUS_AREAS, isArray: true })
  @IsOptional() @IsArray() @ArrayMaxSize(FOCUS_AREAS.length) @ArrayUnique() @IsIn(FOCUS_AREAS, { each: true })
  focusAreas?: FocusArea[];

  @ApiPropertyOptional({ isArray: true })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsIn(LANGUAGE_CODES, { each: true })
  languages?: string[];

  // isURL accepts control characters in the path: refuse them here.
  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsUrl(URL_OPTIONS) @MaxLength(300) @NoControlChars()
  website?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsEmail() @MaxLength(254)
  publicEmail?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsPhone() @MaxLength(30)
  publicPhone?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(4000) @NoControlChars()
  description?: string | null;

  @ApiPropertyOptional({ description: 'Days after an event that RSVP details are kept (counts stay)', minimum: 1, maximum: 3650 })
  @IsOptional() @IsInt() @Min(1) @Max(3650)
  rsvpRetentionDays?: number;
}

export const PROFILE_FIELDS = [
  'name',
  'kind',
  'city',
  'state',
  'focusAreas',
  'languages',
  'website',
  'publicEmail',
  'publicPhone',
  'description',
  'rsvpRetentionDays',
] as const;

/** Fields only alliance admins set. */
export class AllianceOrganizationFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  regionId?: string | null;

  @ApiPropertyOptional({ enum: DUES_TIERS }) @IsOptional() @IsIn(DUES_TIERS)
  duesTier?: DuesTier | null;

  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) @MaxLength(10)
  duesPaidThrough?: string | null;

  // isISO8601 alone takes "2030-01 -15", which is no date: PostgreSQL refused it with a 500.
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) @Matches(ISO_DATE_TIME)
  principlesSignedAt?: string | null;
}

export class CreateOrganizationDto extends IntersectionType(OrganizationProfileDto, AllianceOrganizationFieldsDto) {
  @ApiPropertyOptional({ enum: ['active', 'applicant'] }) @IsOptional() @IsIn(['active', 'applicant'])
  membershipStatus?: MembershipStatus;
}

export class UpdateOrganizationDto extends PartialType(IntersectionType(OrganizationProfileDto, AllianceOrganizationFieldsDto)) {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: MEMBERSHIP_STATUSES }) @IsOptional() @IsIn(MEMBERSHIP_STATUSES)
  membershipStatus?: MembershipStatus;
}

export class ApplicationContactDto {
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(120) @NoControlChars()
  displayName!: string;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsEmail() @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsPhone() @MaxLength(30)
  phone?: string | null;

  @ApiProperty({ enum: LANGUAGE_CODES }) @IsIn([...LOCALES, ...LANGUAGE_CODES])
  preferredLanguage!: string;
}

/** The public "Join the alliance" form. */
export class ApplicationDto extends OmitType(OrganizationProfileDto, ['focusAreas', 'languages', 'publicEmail', 'publicPhone']) {
  @ApiProperty({ enum: FOCUS_AREAS, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(FOCUS_AREAS.length) @ArrayUnique() @IsIn(FOCUS_AREAS, { each: true })
  focusAreas!: FocusArea[];

  @ApiProperty({ isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ArrayUnique() @IsIn(LANGUAGE_CODES, { each: true })
  languages!: string[];

  @ApiProperty({ type: ApplicationContactDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ApplicationContactDto)
  contact!: ApplicationContactDto;

  /** Honeypot: hidden from people; bots fill it. */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500)
  homepage?: string;
}

export class DecisionDto {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;
}

export class RejectDto extends DecisionDto {
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(2000) @NoControlChars()
  reason!: string;
}
