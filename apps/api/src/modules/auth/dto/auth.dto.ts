import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { LOCALES, type Locale } from '@unidos/contracts';

export class LoginDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(254)
  email!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200)
  password!: string;
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
  displayName?: string;
}
