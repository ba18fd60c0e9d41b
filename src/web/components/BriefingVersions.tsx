// The saved versions of a briefing in a drawer: who saved each, when, with what note, and every paragraph it
// changed (before, after, the numbers it dropped); any version, or the generated text, can be opened.
import { Button, Card, Drawer, Empty, Space, Tag, Typography } from 'antd';
import type { BriefingVersion } from '../api.ts';
import { useT } from '../i18n.ts';

export function BriefingVersions(props: {
  open: boolean;
  versions: BriefingVersion[];
  viewing: number | 'latest';
  onView: (v: number | 'latest') => void;
  onClose: () => void;
}) {
  const t = useT();
  const latest = props.versions[0]?.version ?? 0;
  const isViewed = (v: number) => props.viewing === v || (props.viewing === 'latest' && v === latest);
  return (
    <Drawer title={t('版本记录')} open={props.open} onClose={props.onClose} size="large">
      <Space direction="vertical" style={{ width: '100%' }} data-testid="briefing-versions">
        {props.versions.length === 0 && <Empty description={t('尚未保存过改写')} />}
        {props.versions.map((v) => (
          <Card
            key={v.version}
            size="small"
            title={`${t('第{n}版', { n: String(v.version) })} · ${v.savedBy} · ${new Date(v.savedAt).toLocaleString('zh-CN')}`}
            extra={
              isViewed(v.version) ? (
                <Tag color="blue">{t('正在查看')}</Tag>
              ) : (
                <Button
                  size="small"
                  onClick={() => props.onView(v.version === latest ? 'latest' : v.version)}
                >
                  {t('查看此版')}
                </Button>
              )
            }
          >
            {v.note && <Typography.Paragraph type="secondary">{v.note}</Typography.Paragraph>}
            {v.changes.map((c) => (
              <div key={`${c.section}${c.index}`} style={{ marginBottom: 8 }}>
                <Typography.Text strong>
                  {c.title} {t('第{n}段', { n: String(c.index + 1) })}
                </Typography.Text>
                {c.before === null ? (
                  <Typography.Paragraph type="secondary">
                    {t('含上级地区数据，无权查看内容')}
                  </Typography.Paragraph>
                ) : (
                  <>
                    <Typography.Paragraph delete type="secondary" style={{ margin: 0 }}>
                      {c.before}
                    </Typography.Paragraph>
                    <Typography.Paragraph style={{ margin: 0 }}>{c.after}</Typography.Paragraph>
                  </>
                )}
                {c.removed.length > 0 && (
                  <Typography.Text type="warning">
                    {t('删去的数字：{n}', { n: c.removed.join('、') })}
                  </Typography.Text>
                )}
              </div>
            ))}
          </Card>
        ))}
        {props.versions.length > 0 && (
          <Button disabled={props.viewing === 0} onClick={() => props.onView(0)}>
            {t('查看系统生成的原文')}
          </Button>
        )}
      </Space>
    </Drawer>
  );
}
