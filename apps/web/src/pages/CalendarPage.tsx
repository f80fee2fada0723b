import { Button, Card, Col, Row, Space, Typography } from 'antd';
import { CalendarCheckCard } from '../calendar/CalendarCheckCard';
import { useCalendar } from '../calendar/calendar-api';
import { SpecialDayFormModal } from '../calendar/SpecialDayFormModal';
import { SpecialDaysTable } from '../calendar/SpecialDaysTable';
import { WeekHoursEditor } from '../calendar/WeekHoursEditor';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';

/** 工作日历: weekly work hours, holidays and make-up working days, and a business-hours check. */
export function CalendarPage() {
  const t = useT();
  const calendar = useCalendar();
  const adding = useEditor<never>();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card
            title={t('calendar.week')}
            loading={calendar.isPending}
            extra={calendar.data && <Typography.Text type="secondary">{t('calendar.timeZone', { zone: calendar.data.timeZone })}</Typography.Text>}
          >
            {calendar.data && <WeekHoursEditor week={calendar.data.week} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('calendar.specialDays')}
            loading={calendar.isPending}
            extra={<Button type="primary" onClick={() => adding.show(null)}>{t('calendar.addSpecialDay')}</Button>}
          >
            <SpecialDaysTable days={calendar.data?.specialDays ?? []} />
          </Card>
        </Col>
      </Row>
      <CalendarCheckCard />
      <SpecialDayFormModal open={adding.open} onClose={adding.hide} />
    </Space>
  );
}
