import { describe, expect, inject, it } from 'vitest';
import { TableClient } from '@azure/data-tables';

describe('the test Azurite', () => {
  it('stores and reads back an entity', async () => {
    const client = TableClient.fromConnectionString(inject('tablesConnectionString'), 'smoke', { allowInsecureConnection: true });
    await client.createTable();
    await client.upsertEntity({ partitionKey: 'p', rowKey: 'r', value: 42 });
    const entity = await client.getEntity<{ value: number }>('p', 'r');
    expect(entity.value).toBe(42);
  });
});
