import type { SatisfactionSurvey } from '../domain/project/state.js';

/** What a refused link tells the customer, in Chinese; the typed code stays in the JSON answer. */
export const REFUSAL_TEXT: Record<string, string> = {
  SURVEY_LINK_INVALID: '此调查链接无效。',
  SURVEY_LINK_EXPIRED: '此调查链接已过期。',
  SURVEY_ALREADY_ANSWERED: '此调查已提交，感谢您的反馈。',
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page's frame: no inline script (the CSP allows scripts from this service only); its one script posts the answers as JSON. */
function page(body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>客户满意度调查</title><link rel="stylesheet" href="/survey-assets/survey.css"></head>
<body><main><h1>客户满意度调查</h1>${body}</main></body></html>`;
}

/** The survey's questions, each scored on its scale, a comment, and the button that sends them. */
export function surveyPage(survey: SatisfactionSurvey): string {
  const { min, max } = survey.scale;
  const points = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  const questions = survey.questions.map(({ id, text }) => `<fieldset><legend>${escape(text)}</legend>${points
    .map((point) => `<label><input type="radio" name="${escape(id)}" value="${point}" required> ${point}</label>`).join('')}</fieldset>`).join('');
  return page(`<p>请为我们售前人员的服务评分（${min} 分最低，${max} 分最高）。此链接只能提交一次。</p>
<form id="survey" data-questions="${escape(survey.questions.map((question) => question.id).join(','))}">${questions}
<label>其他意见（可选）<textarea name="comment" maxlength="2000" rows="4"></textarea></label>
<button type="submit">提交</button></form><p id="result" role="status"></p>
<script src="/survey-assets/survey.js"></script>`);
}

export const refusedPage = (code: string) => page(`<p role="alert">${escape(REFUSAL_TEXT[code] ?? '此调查链接无法使用。')}</p>`);

export const SURVEY_SCRIPT = `(() => {
  const form = document.getElementById('survey');
  const result = document.getElementById('result');
  const refused = ${JSON.stringify(REFUSAL_TEXT)};
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const answers = form.dataset.questions.split(',').map((questionId) => ({ questionId, score: Number(data.get(questionId)) }));
    const comment = String(data.get('comment') || '').trim();
    const response = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers, ...(comment ? { comment } : {}) }) });
    const answer = await response.json().catch(() => ({}));
    if (response.ok) { form.remove(); result.textContent = '提交成功，感谢您的反馈！'; return; }
    result.textContent = refused[answer.domainCode] || '提交失败，请检查后重试。';
  });
})();
`;

export const SURVEY_STYLE = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f5f5}
main{max-width:40rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px}
fieldset{border:1px solid #ddd;margin:0 0 1rem;padding:.5rem 1rem}label{margin-right:1rem}
textarea{display:block;width:100%;margin:.5rem 0 1rem}button{padding:.5rem 2rem;font-size:1rem}
`;
