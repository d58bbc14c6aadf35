import { Card, Col, Row, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { ReportChart, type ChartOption } from './report-chart';

interface ChartCardProps<Item> {
  title: string;
  option: ChartOption;
  /** The chart's accessible name: what it shows, in words and numbers. */
  summary: string;
  columns: TableColumnsType<Item>;
  items: Item[];
  rowKey: keyof Item & string;
  extra?: ReactNode;
  /** A wide table goes under the chart rather than beside it. */
  tableBelow?: boolean;
}

/** A chart and, beside or below it, the same numbers as a table. */
export function ChartCard<Item extends object>({ title, option, summary, columns, items, rowKey, extra, tableBelow = false }: ChartCardProps<Item>) {
  return (
    <Card size="small" role="region" aria-label={title} title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} extra={extra}>
      <Row gutter={16}>
        <Col xs={24} xl={tableBelow ? 24 : 14}>
          <ReportChart option={option} summary={summary} />
        </Col>
        <Col xs={24} xl={tableBelow ? 24 : 10}>
          <Table<Item> size="small" pagination={false} columns={columns} dataSource={items} rowKey={rowKey} scroll={{ x: 'max-content' }} />
        </Col>
      </Row>
    </Card>
  );
}
