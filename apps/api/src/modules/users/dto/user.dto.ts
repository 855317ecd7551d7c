import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { LOCALES, type Locale, USER_ROLES, USER_STATUSES, type UserRole, type UserStatus } from '@unidos/contracts';
import { NoControlChars } from '@api/common/http/transforms';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateUserDto {
  @ApiProperty() @Transform(lower) @IsEmail() @MaxLength(254)
  email!: string;

  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(120) @NoControlChars()
  displayName!: string;

  @ApiProperty({ enum: USER_ROLES }) @IsIn(USER_ROLES)
  role!: UserRole;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES)
  preferredLanguage?: Locale;

  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200)
  password!: string;
}

export class UpdateUserDto {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;

  @ApiPropertyOptional() @IsOptional() @Transform(lower) @IsEmail() @MaxLength(254)
  email?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(120) @NoControlChars()
  displayName?: string;

  @ApiPropertyOptional({ enum: USER_ROLES }) @IsOptional() @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ enum: USER_STATUSES }) @IsOptional() @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES)
  preferredLanguage?: Locale;
}
