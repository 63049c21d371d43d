import { foldForSearch } from '@netduty/domain';
import { SendOutlined } from '@ant-design/icons';
import { INCIDENT_CATEGORIES, SEVERITIES, type IncidentCategory, type Severity, INCIDENT_TEXT_MAX_LENGTH } from '@netduty/contracts';
import { App, Button, Card, Form, Input, Radio, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../lib/api-client';
import { describeFieldProblem } from '../../../lib/field-problem';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useReportIncident } from '../../incidents/hooks/use-incident-mutations';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { fieldErrorsFor } from '../../auth/lib/form-errors';
import { SiteSelect } from './site-select';
import { i18n } from '../../../i18n/i18n';
import { registerOnDutyStrings } from '../../../i18n/register-on-duty-strings';

// This area's strings load with it, not in the first load.
registerOnDutyStrings(i18n);

export const DESCRIPTION_MAX_LENGTH = INCIDENT_TEXT_MAX_LENGTH;

interface ReportFormValues {
  siteId: string;
  category: IncidentCategory;
  severity: Severity;
  description: string;
}

/** Api field names are the request's own (siteId, description…); map them onto the form's fields. */
const FORM_FIELDS: readonly (keyof ReportFormValues)[] = ['siteId', 'category', 'severity', 'description'];

export function ReportPage() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportFormValues>();
  const user = useCurrentUser();
  const mutation = useReportIncident();

  const categoryOptions = useMemo(
    // Folded for search, so "mat dien" finds "Mất điện lưới" (the console's one diacritics rule: foldForSearch).
    () => INCIDENT_CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`), search: foldForSearch(t(`category.${category}`)) })),
    [t],
  );

  // The reporter is the logged-in user: the api fills it in from the session.
  const submit = (values: ReportFormValues) => {
    mutation.mutate(
      { ...values, description: values.description.trim() },
      {
        onSuccess: (incident) => {
          notification.success({
            title: t('report.success', { reference: incident.reference }),
            description: t('report.successDetail'),
            props: { 'data-testid': 'report-success' },
          });
          void navigate('/');
        },
        onError: (error) => {
          if (isApiError(error) && error.body.fields) {
            form.setFields(fieldErrorsFor(error.body, FORM_FIELDS, (problem) => describeFieldProblem(t, problem)).onForm);
          }
          notifyError(error);
        },
      },
    );
  };

  return (
    <div className="report-page">
      <Card title={t('report.title')} className="report-card">
        <Form<ReportFormValues>
          form={form}
          layout="vertical"
          requiredMark
          onFinish={submit}
          data-testid="report-form"
          scrollToFirstError
        >
          <Form.Item name="siteId" label={t('report.site')} rules={[{ required: true, message: t('validation.siteRequired') }]}>
            <SiteSelect />
          </Form.Item>
          <Form.Item
            name="category"
            label={t('report.category')}
            rules={[{ required: true, message: t('validation.categoryRequired') }]}
          >
            <Select
              placeholder={t('report.categoryPlaceholder')}
              options={categoryOptions}
              showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldForSearch(input)) }}
              data-testid="report-category"
            />
          </Form.Item>
          <Form.Item
            name="severity"
            label={t('report.severity')}
            rules={[{ required: true, message: t('validation.severityRequired') }]}
          >
            <Radio.Group optionType="button" buttonStyle="solid" className="severity-picker">
              {SEVERITIES.map((severity) => (
                <Radio.Button key={severity} value={severity} className={`severity-option severity-option--${severity}`}>
                  {/* The test id sits on the visible label: antd hides the radio input itself. */}
                  <span data-testid={`report-severity-${severity}`}>{t(`severity.${severity}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="description"
            label={t('report.description')}
            rules={[
              { required: true, whitespace: true, message: t('validation.descriptionRequired') },
              { max: DESCRIPTION_MAX_LENGTH, message: t('validation.descriptionTooLong', { max: DESCRIPTION_MAX_LENGTH }) },
            ]}
          >
            <Input.TextArea
              placeholder={t('report.descriptionPlaceholder')}
              autoSize={{ minRows: 4, maxRows: 12 }}
              showCount
              maxLength={DESCRIPTION_MAX_LENGTH}
              data-testid="report-description"
            />
          </Form.Item>
          <Form.Item label={t('report.reporter')}>
            <span className="report-reporter" data-testid="report-reporter">
              {user?.displayName || user?.username}
            </span>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={mutation.isPending} data-testid="report-submit">
              {t('report.submit')}
            </Button>
            <Button onClick={() => void navigate('/')}>{t('report.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
