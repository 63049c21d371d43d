import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { NMS_SOURCE_LIMITS, type SetSnmpCommunityRequest } from '@netduty/contracts';

export class SetSnmpCommunityBody implements SetSnmpCommunityRequest {
  @ApiProperty({
    minLength: NMS_SOURCE_LIMITS.snmpCommunityMinLength,
    maxLength: NMS_SOURCE_LIMITS.snmpCommunityMaxLength,
    description: 'printable ASCII without spaces, as network elements configure it; kept only as its SHA-256',
    writeOnly: true,
  })
  @IsString()
  @Length(NMS_SOURCE_LIMITS.snmpCommunityMinLength, NMS_SOURCE_LIMITS.snmpCommunityMaxLength)
  @Matches(/^[\x21-\x7e]+$/)
  community!: string;
}
