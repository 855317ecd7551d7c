import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { US_STATES } from '@unidos/contracts';
import { NoControlChars, Trim } from '@api/common/http/transforms';

export class CreateRegionDto {
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(80) @NoControlChars()
  name!: string;

  @ApiPropertyOptional({ enum: US_STATES, isArray: true })
  @IsArray() @ArrayMaxSize(US_STATES.length) @ArrayUnique() @IsIn(US_STATES, { each: true })
  states!: string[];
}

export class UpdateRegionDto extends PartialType(CreateRegionDto) {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;
}

