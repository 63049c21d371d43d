import type { ApiErrorBody, ApiErrorCode } from '@netduty/contracts';

type Language = 'vi' | 'en';

/** The human message of each stable error code, in the console's two languages (every code has one). */
const MESSAGES: Record<ApiErrorCode, Record<Language, string>> = {
  validation_failed: { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' },
  bad_request: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  malformed_json: { vi: 'Nội dung gửi lên không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
  payload_too_large: { vi: 'Nội dung gửi lên quá lớn (tối đa 1 MB)', en: 'The request body is too large (1 MB at most)' },
  payload_too_deep: { vi: 'Nội dung gửi lên lồng nhau quá sâu', en: 'The request body is nested too deeply' },
  malformed_body_encoding: {
    vi: 'Nội dung gửi lên không đúng kiểu nén đã khai báo (Content-Encoding)',
    en: 'The request body is not in the Content-Encoding it declares',
  },
  unsupported_media_type: { vi: 'Chỉ nhận nội dung JSON', en: 'Only JSON bodies are accepted' },
  not_found: { vi: 'Không tìm thấy', en: 'Not found' },
  invalid_cursor: { vi: 'Con trỏ phân trang không hợp lệ', en: 'The paging cursor is not valid' },
  invalid_transition: { vi: 'Không thể thực hiện thao tác ở trạng thái hiện tại', en: 'This action is not allowed in the current status' },
  already_exists: { vi: 'Đã có bản ghi với giá trị này', en: 'A record with this value already exists' },
  idempotency_key_reused: {
    vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác',
    en: 'This Idempotency-Key was already used for a different request',
  },
  conflict: { vi: 'Dữ liệu đã thay đổi, vui lòng thử lại', en: 'The record changed meanwhile; try again' },
  too_many_requests: { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests; try again later' },
  not_authenticated: { vi: 'Chưa đăng nhập hoặc phiên đã hết hạn', en: 'Not logged in, or the session has ended' },
  forbidden: { vi: 'Vai trò của bạn không được phép thực hiện thao tác này', en: 'Your role does not allow this' },
  not_shift_lead: { vi: 'Chỉ trưởng ca trực hiện tại của tổ trực mới được ký báo cáo', en: "Only the lead of the on-duty group's current shift may sign the report off" },
  password_change_required: { vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục', en: 'Change your password before continuing' },
  account_locked: { vi: 'Tài khoản tạm khoá do đăng nhập sai nhiều lần', en: 'Account temporarily locked after repeated failed logins' },
  internal_error: { vi: 'Lỗi hệ thống, đã ghi nhận để xử lý', en: 'Internal error; it has been logged' },
  service_unavailable: { vi: 'Hệ thống tạm thời không sẵn sàng', en: 'The service is temporarily unavailable' },
  unprocessable_input: { vi: 'Dữ liệu đúng định dạng nhưng không xử lý được', en: 'The request is well-formed but cannot be processed' },
};

/** The code in words, without details: TMF642's `reason`. */
export function messageOf(code: ApiErrorCode, language: Language): string {
  return MESSAGES[code][language];
}

export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

export function apiError(
  statusCode: number,
  code: ApiErrorCode,
  language: Language,
  extra: Pick<ApiErrorBody, 'fields' | 'details'> & { detailMessage?: string } = {},
): ApiErrorBody {
  const base = MESSAGES[code][language];
  const message = extra.detailMessage ? `${base}: ${extra.detailMessage}` : base;
  const body: ApiErrorBody = { statusCode, code, message };
  if (extra.fields) body.fields = extra.fields;
  if (extra.details) body.details = extra.details;
  return body;
}
