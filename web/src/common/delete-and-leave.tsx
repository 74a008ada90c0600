import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useNavigate } from 'react-router';
import { errorText } from './errors';
import { notify } from './feedback';

/**
 * A detail page's delete button: asks `confirm`, deletes, says `done` and goes to the list at
 * `to`; a refusal is shown and the page stays.
 */
export function DeleteAndLeave({
  label,
  confirm,
  done,
  to,
  remove,
}: {
  label: string;
  confirm: string;
  done: string;
  to: string;
  remove: () => Promise<unknown>;
}) {
  const navigate = useNavigate();
  return (
    <Popconfirm
      title={confirm}
      onConfirm={() =>
        void (async () => {
          try {
            await remove();
            notify('success', done);
            void navigate(to);
          } catch (error) {
            notify('error', errorText(error));
          }
        })()
      }
    >
      <Button danger icon={<DeleteOutlined />}>
        {label}
      </Button>
    </Popconfirm>
  );
}
