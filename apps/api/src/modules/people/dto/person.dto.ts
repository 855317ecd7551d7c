import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, IsEmail } from 'class-validator';
import { LANGUAGE_CODES, PERSON_ROLES, PERSON_VISIBILITIES, type PersonRole, type PersonVisibility } from '@unidos/contracts';
import { IsPhone, NoControlChars, Trim, TrimToNull } from '@api/common/http/transforms';

/**
 * What an organization keeps about a person. Deliberately nothing about immigration status,
 * documents or country of birth: there is no field for it, and a test fails if one appears.
 */
export class CreatePersonDto {
  @ApiProperty({ description: 'A name or an alias' }) @Trim() @IsString() @IsNotEmpty() @MaxLength(120) @NoControlChars()
  displayName!: string;

  @ApiPropertyOptional({ enum: LANGUAGE_CODES }) @IsOptional() @IsIn(LANGUAGE_CODES)
  preferredLanguage?: string;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsEmail() @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsPhone() @MaxLength(30)
  phone?: string | null;

  @ApiPropertyOptional({ enum: PERSON_ROLES }) @IsOptional() @IsIn(PERSON_ROLES)
  role?: PersonRole;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  okToText?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  okToCall?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  okToEmail?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  signalOnly?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  noVoicemail?: boolean;

  @ApiPropertyOptional({ enum: PERSON_VISIBILITIES, description: 'coalition: a public contact of the organization' })
  @IsOptional() @IsIn(PERSON_VISIBILITIES)
  visibility?: PersonVisibility;

  @ApiPropertyOptional({ description: 'Never write immigration status, documents or country of birth here.' })
  @IsOptional() @TrimToNull() @IsString() @MaxLength(2000) @NoControlChars()
  note?: string | null;
}

export class UpdatePersonDto extends PartialType(CreatePersonDto) {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;
}

export const PERSON_FIELDS = [
  'displayName',
  'preferredLanguage',
  'email',
  'phone',
  'role',
  'okToText',
  'okToCall',
  'okToEmail',
  'signalOnly',
  'noVoicemail',
  'visibility',
  'note',
] as const;

/** Fields whose values may appear in the audit log: none that identify the person. */
export const PERSON_AUDITED = ['preferredLanguage', 'role', 'okToText', 'okToCall', 'okToEmail', 'signalOnly', 'noVoicemail', 'visibility'] as const;

export class EmergencyPurgeDto {
  @ApiProperty({ description: "The organization's name, typed to confirm" })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  confirmName!: string;

  @ApiProperty({ description: 'A current code from the authenticator app' })
  @IsString() @IsNotEmpty() @MaxLength(10)
  code!: string;
}
