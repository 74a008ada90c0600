import { ApiProperty } from '@nestjs/swagger';
import { ORGANIZATION_KINDS, type Organization, type OrganizationKind } from '../organization.entity.js';

export class OrganizationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '张家界天门山旅游股份有限公司' })
  name!: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  kind!: OrganizationKind;

  @ApiProperty({ example: 3, description: 'Bumped on every change; its ETag for If-Match.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static of(o: Organization): OrganizationView {
    return {
      id: o.id,
      name: o.name,
      kind: o.kind,
      version: o.version,
      createdAt: o.createdAt.toISOString(),
    };
  }
}
