import { createI18n } from 'vue-i18n'

/**
 * Chinese first, English on request. The regulation's words: 受理台 (intake desk), 派遣台
 * (dispatch desk), 案卷 (case file), 督办 (supervision), 地图 (map), 立案 (file a case).
 */
const zh = {
  app: { title: '闽清县数字城管 · 指挥中心', short: '数字城管' },
  menu: { home: '工作台', intake: '受理台', dispatch: '派遣台', cases: '案卷', supervision: '督办', map: '地图' },
  common: {
    logout: '退出登录', language: 'English', loading: '加载中…', refresh: '刷新', cancel: '取消',
    close: '关闭', search: '查询', reset: '重置', none: '无', all: '全部', roles: '角色',
    live: '每2秒自动刷新', lastUpdate: '更新于',
  },
  home: {
    welcome: '欢迎，{name}', yourScreens: '您可使用的功能', noScreens: '您的角色暂无可用的坐席功能。',
    later: '派遣台、案卷、督办、地图将在后续版本提供。',
  },
  forbidden: { title: '无权访问', text: '您的角色无权使用“{screen}”。如需使用，请联系系统管理员。', back: '返回工作台' },
  login: { redirecting: '正在跳转到统一身份认证…', failed: '登录失败', retry: '重新登录' },
  intake: {
    title: '受理台', channel: '渠道', status: '状态', time: '登记时间', from: '开始时间', to: '结束时间',
    reportNo: '受理号', category: '问题类别', township: '乡镇（街道）', address: '位置', description: '问题描述',
    registeredAt: '登记时间', total: '共 {n} 件', empty: '暂无上报', newArrival: '新到',
    notFiltered: '乡镇、类别筛选待受理服务提供查询参数后开放', pageSize: '每页条数', perPage: '{n} 条/页',
  },
  report: {
    title: '上报详情', photos: '照片', noPhotos: '无照片', map: '位置', collector: '采集员', reporter: '举报人',
    community: '社区（村）', grid: '单元网格', zone: '区域', components: '附近部件', duplicates: '疑似重复',
    allowed: '可执行操作', file: '立案', emergency: '突发事件', catalogueVersion: '规范版本', limit: '处置时限',
    decidedBy: '决定人', decidedAt: '决定时间', rejection: '不予立案理由', context: '位置信息解析中…',
  },
  filing: {
    title: '立案', category: '立案类别', pick: '请选择立案类别', condition: '立案条件', closing: '结案条件',
    limit: '处置时限', emergency: '突发事件（按自然时计时）', override: '未经核实立案理由（值班长）',
    submit: '立案', done: '已立案：{no}', refused: '立案未成功',
  },
  channel: {
    PATROL: '移动巡查', VIDEO: '视频监控', LEADER: '领导交办', MEDIA: '新闻媒体', WEBSITE: '政府网站',
    WEIBO: '政务微博', HOTLINE: '12345热线', PHONE: '来电', WALK_IN: '来访',
  },
  status: {
    REGISTERED: '已登记', VERIFICATION_PENDING: '待核实', VERIFIED: '核实属实', REFUTED: '核实不属实',
    FILED: '已立案', REJECTED: '不予立案', MERGED: '已合并', ANSWERED: '已答复',
  },
  action: {
    REQUEST_VERIFICATION: '派发核实', COMPLETE_VERIFICATION: '核实反馈', FILE: '立案', REJECT: '不予立案',
    MERGE: '合并', ANSWER: '答复', KEEP_SEPARATE: '不合并',
  },
  clock: {
    title: '计时', none: '计时尚未开始（等待计时服务接收立案）', stage: '环节', remaining: '剩余工作时间',
    warning: '预警时间', deadline: '截止时间', green: '正常', yellow: '预警', red: '超时',
  },
  unit: { MINUTES: '分钟', HOURS: '小时', WORKING_HOURS: '工作时', WORKING_DAYS: '工作日', DAYS: '天', NATURAL_HOURS: '自然时' },
}

type Messages = typeof zh

const en: Messages = {
  app: { title: 'Minqing digital urban management · command center', short: 'SZCG' },
  menu: { home: 'Workbench', intake: 'Intake desk', dispatch: 'Dispatch desk', cases: 'Case file', supervision: 'Supervision', map: 'Map' },
  common: {
    logout: 'Log out', language: '中文', loading: 'Loading…', refresh: 'Refresh', cancel: 'Cancel',
    close: 'Close', search: 'Search', reset: 'Reset', none: 'none', all: 'All', roles: 'Roles',
    live: 'refreshes every 2 s', lastUpdate: 'updated',
  },
  home: {
    welcome: 'Welcome, {name}', yourScreens: 'Your screens', noScreens: 'Your roles have no workbench screen yet.',
    later: 'Dispatch desk, case file, supervision and map come in later versions.',
  },
  forbidden: { title: 'Not allowed', text: 'Your roles may not open “{screen}”. Ask the administrator if you need it.', back: 'Back to the workbench' },
  login: { redirecting: 'Redirecting to the login…', failed: 'Login failed', retry: 'Log in again' },
  intake: {
    title: 'Intake desk', channel: 'Channel', status: 'Status', time: 'Registered', from: 'From', to: 'To',
    reportNo: 'Report no.', category: 'Category', township: 'Township', address: 'Location', description: 'Description',
    registeredAt: 'Registered', total: '{n} reports', empty: 'No reports', newArrival: 'new',
    notFiltered: 'Township and category filters open once intake-service offers those query parameters', pageSize: 'Page size', perPage: '{n} / page',
  },
  report: {
    title: 'Report', photos: 'Photos', noPhotos: 'No photos', map: 'Position', collector: 'Collector', reporter: 'Reporter',
    community: 'Community', grid: 'Unit grid', zone: 'Zone', components: 'Nearby components', duplicates: 'Possible duplicates',
    allowed: 'Allowed actions', file: 'File', emergency: 'Emergency', catalogueVersion: 'Standard version', limit: 'Handling limit',
    decidedBy: 'Decided by', decidedAt: 'Decided at', rejection: 'Rejection reason', context: 'Resolving the position…',
  },
  filing: {
    title: 'File a case', category: 'Category', pick: 'Pick the category', condition: 'Filing condition', closing: 'Closing condition',
    limit: 'Handling limit', emergency: 'Emergency (natural-time clocks)', override: 'Reason to file before verification (shift lead)',
    submit: 'File', done: 'Filed: {no}', refused: 'Filing refused',
  },
  channel: {
    PATROL: 'Patrol', VIDEO: 'Video', LEADER: 'Leader', MEDIA: 'Media', WEBSITE: 'Website',
    WEIBO: 'Weibo', HOTLINE: '12345 hotline', PHONE: 'Phone call', WALK_IN: 'Walk-in',
  },
  status: {
    REGISTERED: 'Registered', VERIFICATION_PENDING: 'Verification pending', VERIFIED: 'Verified', REFUTED: 'Refuted',
    FILED: 'Filed', REJECTED: 'Rejected', MERGED: 'Merged', ANSWERED: 'Answered',
  },
  action: {
    REQUEST_VERIFICATION: 'Request verification', COMPLETE_VERIFICATION: 'Complete verification', FILE: 'File', REJECT: 'Reject',
    MERGE: 'Merge', ANSWER: 'Answer', KEEP_SEPARATE: 'Keep separate',
  },
  clock: {
    title: 'Clocks', none: 'No clock yet (the clock service has not received the filing)', stage: 'Stage', remaining: 'Working time left',
    warning: 'Warning at', deadline: 'Deadline', green: 'on time', yellow: 'warning', red: 'overdue',
  },
  unit: { MINUTES: 'min', HOURS: 'h', WORKING_HOURS: 'working hours', WORKING_DAYS: 'working days', DAYS: 'days', NATURAL_HOURS: 'hours' },
}

const saved = typeof window !== 'undefined' ? window.localStorage.getItem('szcg.lang') : null

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
})

/** The language choice is a preference (no personal data): kept across visits. */
export function setLanguage(lang: 'zh-CN' | 'en') {
  i18n.global.locale.value = lang
  window.localStorage.setItem('szcg.lang', lang)
  document.documentElement.lang = lang
}
