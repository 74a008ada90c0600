import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../common/config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * The standalone data source of the TypeORM CLI (`npm run migration:run|revert|generate`), built
 * from the same `DATABASE_URL` as the app.
 */
export default new DataSource(dataSourceOptions(loadConfig().database));
