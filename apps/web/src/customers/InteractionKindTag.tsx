import { Tag } from 'antd';
import type { InteractionKind } from '@rexian/contracts';
import { useT } from '../i18n/use-t';

const COLOURS: Record<InteractionKind, string> = {
  consultation: 'blue', complaint: 'red', suggestion: 'cyan', fault: 'orange', business: 'purple', praise: 'green',
};

/** 咨询 / 投诉 / 建议 / 报修 / 业务受理 / 表扬, each in its own colour. */
export function InteractionKindTag({ kind }: { kind: InteractionKind }) {
  const t = useT();
  return <Tag color={COLOURS[kind]}>{t(`interaction.kind.${kind}`)}</Tag>;
}
