import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Hydrates the named columns of a raw row (a `getRawMany` row, or a driver's own statement's) as
 * TypeORM hydrates an entity's: the driver's conversion of the column's type, then its
 * transformer; without the entity machinery, which costs most of a read of many rows. The
 * columns' metadata is looked up once, when the hydrator is made.
 */
export function rawRowHydrator<E extends ObjectLiteral, K extends keyof E & string>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  properties: readonly K[],
): (raw: Record<string, unknown>) => Pick<E, K> {
  const metadata = dataSource.getMetadata(entity);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`rawRowHydrator: ${metadata.name} has no column ${property}`);
    return [property, column] as const;
  });
  const driver = dataSource.driver;
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const [property, column] of columns)
      row[property] = driver.prepareHydratedValue(raw[property], column);
    return row as Pick<E, K>;
  };
}
