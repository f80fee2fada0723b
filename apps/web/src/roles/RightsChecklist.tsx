import { Checkbox, Col, Row, Typography } from 'antd';
import { RIGHTS, type Right } from '@rexian/contracts';
import { useT } from '../i18n/use-t';
import { rightsByFunction } from './right-functions';

interface Props {
  id?: string;
  value?: Right[];
  onChange?: (value: Right[]) => void;
}

const FUNCTIONS = rightsByFunction();

/** The rights of a role as checkboxes, one row per function (部门: 查看部门, 管理部门 …). */
export function RightsChecklist({ id, value, onChange }: Props) {
  const t = useT();
  return (
    <div id={id} role="group">
      <Checkbox.Group value={value} onChange={(v) => onChange?.(v)} style={{ width: '100%' }}>
        <Row gutter={[8, 8]} style={{ width: '100%' }}>
          {FUNCTIONS.map((fn) => (
            <Col span={24} key={fn.name} data-right-function={fn.name}>
              <Typography.Text strong style={{ display: 'inline-block', width: 120 }}>
                {t.pick(fn.label)}
              </Typography.Text>
              {fn.rights.map((right) => (
                <Checkbox key={right} value={right}>
                  {t.pick(RIGHTS[right])}
                </Checkbox>
              ))}
            </Col>
          ))}
        </Row>
      </Checkbox.Group>
    </div>
  );
}
