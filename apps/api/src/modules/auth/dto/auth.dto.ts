import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { LOCALES, type Locale } from '@unidos/contracts';
import { NoControlChars } from '@api/common/http/transforms';

export class LoginDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(254)
  email!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ description: 'The 6-digit code of the authenticator app, when two-factor sign-in is on' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  totp?: string;
}

export class EnableTotpDto {
  @ApiProperty({ description: 'A current 6-digit code from the authenticator app just set up' })
  @IsNotEmpty()
  @IsString()
  @MaxLength(20)
  code!: string;
}

export class DisableTotpDto {
  @ApiProperty() @IsNotEmpty() @IsString() @MaxLength(200)
  password!: string;

  @ApiProperty({ description: 'A current 6-digit code from the authenticator app' })
  @IsNotEmpty()
  @IsString()
  @MaxLength(20)
  code!: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200)
  newPassword!: string;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES)
  preferredLanguage?: Locale;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @NoControlChars()
  displayName?: string;
}
