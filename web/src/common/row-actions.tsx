import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm } from 'antd';
import { errorText } from './errors';
import { notify } from './feedback';

/**
 * A table row's small buttons: edit (when `edit` is given) and delete after a confirmation, each
 * named with the row's `name` for screen readers ("Delete: 天门山"). The delete's outcome is said
 * once, as a message: `deleted` when it worked, the API's refusal in words otherwise.
 */
export function RowActions({
  name,
  edit,
  remove,
}: {
  name: string;
  edit?: { label: string; onClick: () => void };
  remove: {
    label: string;
    confirm: string;
    run: () => Promise<unknown>;
    deleted: string;
    /** Words for a refusal (default: the API's message, `errorText`). */
    refused?: (error: unknown) => string;
  };
}) {
  return (
    <Flex gap={4}>
      {edit && (
        <Button
          size="small"
          icon={<EditOutlined />}
          aria-label={`${edit.label}: ${name}`}
          onClick={edit.onClick}
        />
      )}
      <Popconfirm
        title={remove.confirm}
        onConfirm={() =>
          void remove.run().then(
            () => notify('success', remove.deleted),
            (e: unknown) => notify('error', (remove.refused ?? errorText)(e)),
          )
        }
      >
        <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${remove.label}: ${name}`} />
      </Popconfirm>
    </Flex>
  );
}
