import { createI18n } from 'vue-i18n'

/**
 * Chinese first, English on request. The regulation's words: 受理台 (intake desk), 派遣台
 * (dispatch desk), 案卷 (case file), 督办 (supervision), 地图 (map), 立案 (file a case).
 */
const zh = {
  app: { title: '闽清县数字城管 · 指挥中心', short: '数字城管' },
  live: { live: '实时', down: '连接中断', connecting: '连接中…' },
  notify: { bell: '通知（{n} 条未读）', title: '我的通知', none: '暂无通知', unread: '未读', markRead: '标为已读', urgent: '紧急', openCase: '查看案卷', failed: '通知读取失败' },
  menu: { home: '工作台', intake: '受理台', dispatch: '派遣台', cases: '案卷', case: '案卷', supervision: '督办', map: '地图', unit: '处置通', unitCase: '批办件' },
  common: {
    logout: '退出登录', language: 'English', loading: '加载中…', refresh: '刷新', cancel: '取消',
    close: '关闭', search: '查询', reset: '重置', none: '无', all: '全部', roles: '角色',
    live: '实时推送，变化即刷新', liveDown: '连接中断：恢复后自动重读', liveConnecting: '正在连接实时推送', lastUpdate: '更新于',
  },
  home: {
    welcome: '欢迎，{name}', yourScreens: '您可使用的功能', noScreens: '您的角色暂无可用的坐席功能。',
    later: '地图将在后续版本提供。',
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
  desk: {
    township: '乡镇', community: '社区（村）', communityFirst: '先选乡镇', category: '问题类别', register: '登记来电/来访', registerTitle: '登记来电/来访',
    VERIFY: '派发核实', REJECT: '不予立案', MERGE: '合并', KEEP_SEPARATE: '非重复（保持独立）', ANSWER: '咨询答复',
    collector: '核实采集员', nearest: '不指定：派给最近的在岗采集员', lastPosition: '最后位置', noPosition: '无位置',
    distance: '距离', mapHint: '红色为上报位置，蓝色为采集员最后位置；点击蓝点选择采集员。',
    reason: '不予立案理由', unfounded: '虚报、假报（采集员上报）', intoCaseId: '合并到案件', intoHint: '选择疑似重复案件，或填写其他案件编号',
    other: '其他案件编号', answer: '答复内容', keepSeparateText: '确认以上疑似重复的上报与本上报是不同的问题，保持独立办理。',
    submit: '提交', done: '已办理：{action} · {no}', channel: '渠道', kind: '类型', description: '问题描述', address: '地址',
    position: '位置', pickHint: '在地图上点击选择位置（可选）', clearPosition: '清除位置', reporterName: '来电/来访人姓名',
    reporterPhone: '联系电话', categoryOptional: '问题类别（可选）', registered: '已登记：{no}', required: '必填', keptSeparate: '已确认非重复',
  },
  reportKind: { REPORT: '举报', COMPLAINT: '投诉', CONSULTATION: '咨询' },
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
  dispatch: {
    title: '派遣台', awaiting: '待派遣案卷', total: '共 {n} 件', empty: '暂无待派遣案卷', pick: '请在左侧选择一件案卷',
    filedAt: '立案时间', grid: '单元网格', emergency: '紧急', proposal: '派遣建议（责任矩阵）', proposedUnit: '建议单位',
    rule: '依据', explanation: '说明', tied: '并列单位', excluded: '已排除单位（曾回退）', maintainer: '部件养护单位',
    noProposal: '责任矩阵未能确定唯一责任单位，请选择单位并说明理由，或发起协调。', confirm: '按建议派遣',
    other: '改派其他单位', unit: '派遣单位', unitPick: '选择单位', reason: '改派理由', requirements: '处置要求',
    submitOther: '派遣到所选单位', done: '已派遣：{no} → {unit}', refused: '派遣未成功', load: '在办批办件',
    loadOf: '{n} 件在办', openCase: '打开案卷', clocks: '计时', dispatched: '已派遣', component: '部件',
  },
  caseFile: {
    title: '案卷', report: '上报信息', state: '案卷状态', responsible: '责任单位', order: '批办件', orders: '批办件',
    history: '流转记录', when: '时间', who: '操作人', role: '角色', unit: '单位', step: '环节', why: '理由/说明',
    actions: '可办理操作', elsewhere: '由单位/采集员在各自终端办理：', none: '当前无可办理操作', source: '来源',
    intake: '受理', dispatch: '派遣', photosIntake: '上报与核实照片', photosDispatch: '处置与核查照片',
    hash: 'SHA-256', takenAt: '拍摄时间', uploadedAt: '上传时间', position: '位置', filingCondition: '立案条件',
    closingCondition: '结案条件', failedChecks: '核查不通过次数', overdue: '过期未处置', submit: '确定', done: '已办理：{step}',
    refused: '办理未成功', notReadable: '受理服务不向您的角色提供该上报的详情', back: '返回',
    returnRequest: '回退申请', extensionRequest: '延期申请', requested: '申请期限', proposedUnit: '建议单位',
  },
  field: {
    collectorId: '核查采集员', note: '说明', reason: '理由', grantedDeadline: '同意延期至（北京时间）',
    reasonCode: '挂起原因类别', enforcementBody: '执法机关', measures: '应急措施', unitId: '指定单位',
    decisionReference: '县政府决定文号', requirements: '处置要求',
  },
  suspension: { WEATHER: '天气原因', COURT_RULING: '法院裁定', THIRD_PARTY: '第三方原因', OTHER: '其他' },
  supervision: {
    title: '督办', warned: '预警', breached: '超时', empty: '当前没有预警或超时的计时', since: '预警/超时起',
    unit: '单位', stage: '环节', caseNo: '受理号', state: '案卷状态', remaining: '剩余工作时间', deadline: '截止时间',
    byUnit: '按单位与环节', center: '指挥中心', scanned: '已检查 {cases} 件在办案卷（上限 {max} 件）', overdueHandling: '过期未处置',
    all: '全部单位', allStages: '全部环节', refresh: '每30秒自动刷新',
  },
  caseState: {
    AWAITING_DISPATCH: '待派遣', DISPATCHED: '已派遣', SIGNED_FOR: '已签收', IN_HANDLING: '处置中', RETURN_REQUESTED: '回退申请中',
    EXTENSION_REQUESTED: '延期申请中', SUSPENDED: '已挂起', FEEDBACK_SUBMITTED: '已反馈', CHECK_ORDERED: '核查中',
    CHECK_PASSED: '核查通过', COORDINATING: '协调中', ESCALATED_TO_COUNTY_GOVERNMENT: '已报县政府',
    EMERGENCY_ARRANGEMENT: '应急处置中', CLOSED: '已结案', TRANSFERRED_TO_LAW_ENFORCEMENT: '已移交执法', CANCELLED: '已作废',
  },
  transition: {
    OPEN: '接收立案', DISPATCH: '派遣', SIGN_FOR: '签收', APPROVE_BY_LEADER: '批办', REQUEST_RETURN: '回退申请',
    APPROVE_RETURN: '同意回退', REFUSE_RETURN: '驳回回退', REQUEST_EXTENSION: '延期申请', GRANT_EXTENSION: '同意延期',
    REFUSE_EXTENSION: '驳回延期', SUSPEND: '挂起', RESUME: '恢复', REDISPATCH_TO_SUB_UNIT: '二级派遣',
    SIGN_FOR_SUB_ORDER: '二级签收', SUBMIT_SUB_FEEDBACK: '二级反馈', REQUEST_SUB_ORDER_RETURN: '二级回退申请',
    APPROVE_SUB_ORDER_RETURN: '同意二级回退', REFUSE_SUB_ORDER_RETURN: '驳回二级回退', SUBMIT_FEEDBACK: '处理反馈',
    ORDER_CHECK: '指令核查', PASS_CHECK: '核查通过', FAIL_CHECK: '核查不通过', CLOSE: '结案', START_COORDINATION: '协调',
    RECORD_COORDINATION_AGREEMENT: '协调一致', ESCALATE_TO_COUNTY_GOVERNMENT: '报县政府', DESIGNATE_UNIT: '县政府指定',
    START_EMERGENCY_ARRANGEMENT: '应急处置', RECORD_EMERGENCY_MEASURES: '记录应急措施',
    TRANSFER_TO_LAW_ENFORCEMENT: '移交执法', CANCEL: '作废', RECORD_SATISFACTION: '满意度回访',
    REGISTER: '登记', REQUEST_VERIFICATION: '派发核实', COMPLETE_VERIFICATION: '核实反馈', FILE: '立案', REJECT: '不予立案',
    MERGE: '合并', ANSWER: '答复', KEEP_SEPARATE: '不合并',
  },
  sup17: {
    total: '共 {n} 个预警或超时的计时（服务端分页）', cooperating: '协同单位', cooperatingPick: '可选：配合处置的单位',
    unknownSteps: '控制台尚未提供以下环节：',
    field: { agreedUnitId: '协调确定的责任单位', participatingUnitIds: '参与协调的单位', agreementText: '协调意见（协调一致的内容）', level: '满意度', comment: '回访记录' },
    satisfaction: { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' },
  },
  map: {
    title: '地图', layers: '图层', legend: '图例', baseLayer: '在线底图', baseLayerOff: '离线（无底图）',
    townships: '乡镇', communities: '社区（村）', grids: '单元网格', components: '部件', pipes: '管线', cameras: '摄像头', cases: '案件',
    zoneTitle: '单元网格（按区域）', classTitle: '部件（按大类）', stateTitle: '案件（按状态）',
    zone: { URBAN: '城区', FRINGE: '城乡结合部', OTHER: '其他' },
    major: { '01': '公用设施', '02': '道路交通', '03': '市容环境', '04': '园林绿化', '05': '房屋土地', '06': '其他设施', '07': '水利防汛设施' },
    state: {
      AWAITING_DISPATCH: '待派遣', DISPATCHED: '已派遣', SIGNED_FOR: '已签收', IN_HANDLING: '处置中', RETURN_REQUESTED: '回退申请中',
      EXTENSION_REQUESTED: '延期申请中', SUSPENDED: '已挂起', FEEDBACK_SUBMITTED: '已反馈', CHECK_ORDERED: '核查中', CHECK_PASSED: '核查通过',
      COORDINATING: '协调中', ESCALATED_TO_COUNTY_GOVERNMENT: '已报县政府', EMERGENCY_ARRANGEMENT: '应急处置中',
    },
    componentId: '部件标识码', componentClass: '部件类别', componentState: '部件状态', maintainer: '养护单位',
    compState: { INTACT: '完好', DAMAGED: '破损', MISSING: '丢失', OCCUPIED: '占用' },
    pipe: '管线', pipeType: '管线类型', camera: '摄像头', reportNo: '受理号', caseState: '案件状态', category: '问题类别',
    emergency: '突发事件', openCase: '打开案卷', casesShown: '案件 {n} 件', casesTruncated: '（仅显示最新 {n} 件）',
    casesFailed: '案件图层未能加载', tilesFailed: '地图瓦片未能加载', noWebgl: '浏览器不支持WebGL，地图不可用',
    fit: '全县', gcj02: '已按GCJ-02偏移叠加',
  },
  // 处置通, the unit's terminal (issue 18): 接件人 receiver, 分管领导 leader in charge, 处置人 handler
  unitTerminal: {
    inbox: '处置通 · 批办件', show: '显示', open: '在办', all: '全部', sort: '排序', urgent: '最紧急', newest: '最新',
    empty: '本单位暂无批办件', noUnit: '登录令牌未携带所属单位（unit_id），无法显示批办件，请联系系统管理员。',
    fresh: '新到', subOrder: '二级批办件', again: '第{n}次派遣', noClock: '暂无计时', back: '返回批办件',
    noActions: '当前没有需要您办理的环节', what: '问题', where: '位置', check: '核查结果', round: '第{n}轮',
    requests: '回退与延期申请', subOrders: '二级派遣（本单位下属部门）', before: '上报照片',
    hashMismatch: '服务端记录的SHA-256与本机计算的不一致，照片未被采用，请重拍',
    uploading: '上传中…', uploaded: '已上传', removePhoto: '移除', takePhoto: '拍摄处置后照片', noSubUnits: '本单位没有下属部门',
    orderStatus: {
      DISPATCHED: '待签收', SIGNED_FOR: '已签收', IN_HANDLING: '处置中', FEEDBACK_SUBMITTED: '已反馈', COMPLETED: '已完成',
      CHECK_FAILED: '核查不通过', WITHDRAWN: '已撤回', RETURNED: '已回退',
    },
    decision: { PENDING: '待审核', APPROVED: '已同意', REFUSED: '已驳回', LAPSED: '已失效' },
    field: {
      note: '说明', instructions: '批办意见', description: '处置情况', photoIds: '处置后照片', reason: '理由',
      proposedUnitId: '建议改派单位', requestedDeadline: '申请延期至（北京时间）', subUnitId: '派往下属部门',
      requirements: '处置要求', suggestedUnitId: '建议改派单位',
    },
  },
  // 城管通, the collector's phone app (src/mobile)
  m: {
    title: '城管通', online: '在线', offline: '离线', notSignedIn: '未登录', login: '登录', logout: '退出', language: 'English',
    loginToSend: '本机有 {n} 条待发送，登录后自动发送',
    nav: { queue: '待发送', report: '上报', tasks: '任务', reports: '我的上报', shift: '班次' },
    state: { waiting: '待发送', sending: '发送中', done: '已登记', doneTask: '已完成', refused: '被拒' },
    kind: { report: '上报', verification: '核实', check: '核查' },
    queue: {
      title: '待发送队列', empty: '本机没有待发送的内容', sendNow: '立即发送', photos: '照片 {sent}/{all}', reportNo: '受理号 {no}',
      retryLater: '网络恢复后自动重发', lastError: '上次失败：{e}', edit: '修改后重发', retry: '重新发送', remove: '放弃', removeConfirm: '放弃这一条？它未被登记，放弃后无法恢复。',
      offlineNote: '离线：已保存在本机，联网后按顺序发送', alreadyDone: '（此前已送达）', count: '待发送 {n} 条', own: '其他用户的内容：该用户登录后发送',
    },
    report: {
      title: '上报问题', photos: '现场照片', addPhoto: '拍照', position: '位置', locate: '重新定位', dragHint: '拖动红点修正位置',
      noPosition: '尚未取得位置', category: '问题类别', filingCondition: '立案条件', description: '问题描述', descriptionHint: '描述问题（可用语音输入）',
      submit: '提交', saved: '已保存到本机，正在发送', savedOffline: '已保存到本机（离线），联网后自动发送', last: '上一条',
      needPhoto: '请至少拍一张照片', needCategory: '请选择问题类别', needPosition: '请先取得位置', noStandard: '立案标准尚未下载（需联网打开一次）',
      photoFailed: '照片无法处理', originalHash: '原图', sentHash: '上传', removePhoto: '删除照片', tooMany: '最多 {n} 张照片',
    },
    tasks: { verification: '核实任务', check: '核查任务', none: '暂无任务', open: '处理', cached: '离线：显示上次取得的任务', reportNo: '受理号' },
    task: {
      problem: '问题', photos: '问题照片', noPhotos: '无照片', answerPhotos: '现场照片', confirmed: '属实', refuted: '不属实', pass: '核查通过', fail: '核查不通过',
      note: '说明', reason: '不通过理由', submit: '提交', needReason: '请填写不通过理由', saved: '已保存，正在发送', status: '状态', answered: '已作答（见待发送队列）',
      closed: '此任务已不能反馈：{status}', closedWhy: '原因：{why}', openTask: '查看任务',
      closedStatus: { CANCELLED: '已撤销', CONFIRMED: '已核实（属实）', REFUTED: '已核实（不属实）', other: '案卷已不在核查中' },
    },
    reports: {
      title: '我的上报', none: '暂无上报', reason: '理由', offline: '离线：显示上次取得的列表',
      outcome: { registered: '已登记', verifying: '核实中', filed: '已立案', dispatched: '已派遣', handling: '处置中', checking: '核查中', closed: '已结案', rejected: '不予立案', merged: '已合并', cancelled: '已作废', other: '其他' },
    },
    shift: { title: '今日班次', none: '今日无班次', onDuty: '在岗', offDuty: '不在岗', grids: '网格', positionSent: '位置已上报（{t}）', positionOff: '不在班次内，不上报位置' },
  },
  // 我的效能告诫 (R-24, Art 33) in 处置通: the person warned acknowledges (签收告诫)
  unitWarnings: {
    title: '我的效能告诫', pending: '{n} 条待签收', acknowledge: '签收告诫', acknowledged: '已签收',
    issuedAt: '告诫时间', ackAt: '签收时间', case: '案件', reason: '告诫事由', by: '发出',
    failed: '效能告诫读取失败', ackFailed: '签收失败', done: '已签收该效能告诫',
  },
  // 二级回退 in 处置通: a department's return of a sub-order, as the township reads it
  unitReturn: { subRequest: '二级回退申请', from: '申请部门', proposed: '建议改派' },
}

type Messages = typeof zh

const en: Messages = {
  app: { title: 'Minqing digital urban management · command center', short: 'SZCG' },
  live: { live: 'Live', down: 'Disconnected', connecting: 'Connecting…' },
  notify: { bell: 'Notifications ({n} unread)', title: 'My notifications', none: 'No notifications', unread: 'Unread', markRead: 'Mark read', urgent: 'Urgent', openCase: 'Open the case', failed: 'Could not read the notifications' },
  menu: { home: 'Workbench', intake: 'Intake desk', dispatch: 'Dispatch desk', cases: 'Case file', case: 'Case file', supervision: 'Supervision', map: 'Map', unit: 'Unit terminal', unitCase: 'Order' },
  common: {
    logout: 'Log out', language: '中文', loading: 'Loading…', refresh: 'Refresh', cancel: 'Cancel',
    close: 'Close', search: 'Search', reset: 'Reset', none: 'none', all: 'All', roles: 'Roles',
    live: 'live: re-read on every change', liveDown: 'disconnected: re-read when it returns', liveConnecting: 'connecting the live channel', lastUpdate: 'updated',
  },
  home: {
    welcome: 'Welcome, {name}', yourScreens: 'Your screens', noScreens: 'Your roles have no workbench screen yet.',
    later: 'The map comes in a later version.',
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
  desk: {
    township: 'Township', community: 'Community', communityFirst: 'pick a township first', category: 'Category', register: 'Register a call/visit', registerTitle: 'Register a phone call or a walk-in',
    VERIFY: 'Request verification', REJECT: 'Reject', MERGE: 'Merge', KEEP_SEPARATE: 'Not a duplicate (keep separate)', ANSWER: 'Answer the consultation',
    collector: 'Collector to verify', nearest: 'None: the nearest collector on duty', lastPosition: 'Last position', noPosition: 'no position',
    distance: 'Distance', mapHint: 'Red: the report; blue: the collectors’ last positions — click a blue dot to pick the collector.',
    reason: 'Reason for rejecting', unfounded: 'Unfounded (a collector’s report)', intoCaseId: 'Merge into', intoHint: 'Pick a proposed duplicate or type another case id',
    other: 'Another case id', answer: 'Answer', keepSeparateText: 'The proposed duplicates above are different problems: keep this report separate.',
    submit: 'Submit', done: 'Done: {action} · {no}', channel: 'Channel', kind: 'Kind', description: 'Description', address: 'Address',
    position: 'Position', pickHint: 'Click on the map to set the position (optional)', clearPosition: 'Clear the position', reporterName: 'Caller’s / visitor’s name',
    reporterPhone: 'Phone', categoryOptional: 'Category (optional)', registered: 'Registered: {no}', required: 'required', keptSeparate: 'confirmed not a duplicate',
  },
  reportKind: { REPORT: 'Report', COMPLAINT: 'Complaint', CONSULTATION: 'Consultation' },
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
  dispatch: {
    title: 'Dispatch desk', awaiting: 'Awaiting dispatch', total: '{n} cases', empty: 'Nothing awaits dispatch', pick: 'Pick a case on the left',
    filedAt: 'Filed', grid: 'Unit grid', emergency: 'Emergency', proposal: 'Proposal (responsibility matrix)', proposedUnit: 'Proposed unit',
    rule: 'Basis', explanation: 'Why', tied: 'Tied units', excluded: 'Excluded (returned before)', maintainer: 'Component maintainer',
    noProposal: 'The matrix found no single responsible unit: choose one with a reason, or start coordination.', confirm: 'Dispatch as proposed',
    other: 'Choose another unit', unit: 'Unit', unitPick: 'Pick a unit', reason: 'Reason for another unit', requirements: 'Requirements',
    submitOther: 'Dispatch to this unit', done: 'Dispatched: {no} → {unit}', refused: 'Dispatch refused', load: 'Open orders',
    loadOf: '{n} open', openCase: 'Open the case', clocks: 'Clocks', dispatched: 'Dispatched', component: 'Component',
  },
  caseFile: {
    title: 'Case file', report: 'Report', state: 'State', responsible: 'Responsible unit', order: 'Order', orders: 'Orders',
    history: 'History', when: 'When', who: 'Who', role: 'Role', unit: 'Unit', step: 'Step', why: 'Why',
    actions: 'Allowed actions', elsewhere: 'Done by the unit or the collector on their own screens:', none: 'No action open to you now', source: 'Service',
    intake: 'intake', dispatch: 'dispatch', photosIntake: 'Report and verification photos', photosDispatch: 'After and check photos',
    hash: 'SHA-256', takenAt: 'Taken', uploadedAt: 'Uploaded', position: 'Position', filingCondition: 'Filing condition',
    closingCondition: 'Closing condition', failedChecks: 'Failed checks', overdue: 'Overdue handling', submit: 'Confirm', done: 'Done: {step}',
    refused: 'Refused', notReadable: 'intake-service does not show this report to your roles', back: 'Back',
    returnRequest: 'Return request', extensionRequest: 'Extension request', requested: 'Requested deadline', proposedUnit: 'Proposed unit',
  },
  field: {
    collectorId: 'Collector to check', note: 'Note', reason: 'Reason', grantedDeadline: 'Granted until (Beijing time)',
    reasonCode: 'Kind of reason', enforcementBody: 'Enforcement body', measures: 'Measures taken', unitId: 'Designated unit',
    decisionReference: 'Decision reference', requirements: 'Requirements',
  },
  suspension: { WEATHER: 'Weather', COURT_RULING: 'Court ruling', THIRD_PARTY: 'Third party', OTHER: 'Other' },
  supervision: {
    title: 'Supervision', warned: 'Warning', breached: 'Overdue', empty: 'No clock in warning or overdue', since: 'Since',
    unit: 'Unit', stage: 'Stage', caseNo: 'Report no.', state: 'Case state', remaining: 'Working time left', deadline: 'Deadline',
    byUnit: 'By unit and stage', center: 'Command center', scanned: '{cases} open cases checked (at most {max})', overdueHandling: 'Overdue handling',
    all: 'All units', allStages: 'All stages', refresh: 'refreshes every 30 s',
  },
  caseState: {
    AWAITING_DISPATCH: 'Awaiting dispatch', DISPATCHED: 'Dispatched', SIGNED_FOR: 'Signed for', IN_HANDLING: 'In handling', RETURN_REQUESTED: 'Return requested',
    EXTENSION_REQUESTED: 'Extension requested', SUSPENDED: 'Suspended', FEEDBACK_SUBMITTED: 'Feedback submitted', CHECK_ORDERED: 'Check ordered',
    CHECK_PASSED: 'Check passed', COORDINATING: 'Coordinating', ESCALATED_TO_COUNTY_GOVERNMENT: 'Escalated to the county government',
    EMERGENCY_ARRANGEMENT: 'Emergency arrangement', CLOSED: 'Closed', TRANSFERRED_TO_LAW_ENFORCEMENT: 'Transferred to law enforcement', CANCELLED: 'Cancelled',
  },
  transition: {
    OPEN: 'Opened', DISPATCH: 'Dispatch', SIGN_FOR: 'Sign for', APPROVE_BY_LEADER: 'Leader approval', REQUEST_RETURN: 'Return request',
    APPROVE_RETURN: 'Approve return', REFUSE_RETURN: 'Refuse return', REQUEST_EXTENSION: 'Extension request', GRANT_EXTENSION: 'Grant extension',
    REFUSE_EXTENSION: 'Refuse extension', SUSPEND: 'Suspend', RESUME: 'Resume', REDISPATCH_TO_SUB_UNIT: 'Sub-dispatch',
    SIGN_FOR_SUB_ORDER: 'Sub-order sign-for', SUBMIT_SUB_FEEDBACK: 'Sub-order feedback', REQUEST_SUB_ORDER_RETURN: 'Sub-order return request',
    APPROVE_SUB_ORDER_RETURN: 'Approve sub-order return', REFUSE_SUB_ORDER_RETURN: 'Refuse sub-order return', SUBMIT_FEEDBACK: 'Feedback',
    ORDER_CHECK: 'Order a check', PASS_CHECK: 'Check passed', FAIL_CHECK: 'Check failed', CLOSE: 'Close', START_COORDINATION: 'Coordinate',
    RECORD_COORDINATION_AGREEMENT: 'Coordination agreement', ESCALATE_TO_COUNTY_GOVERNMENT: 'Escalate to county government', DESIGNATE_UNIT: 'County designation',
    START_EMERGENCY_ARRANGEMENT: 'Emergency arrangement', RECORD_EMERGENCY_MEASURES: 'Record emergency measures',
    TRANSFER_TO_LAW_ENFORCEMENT: 'Transfer to law enforcement', CANCEL: 'Void the case', RECORD_SATISFACTION: 'Satisfaction',
    REGISTER: 'Registered', REQUEST_VERIFICATION: 'Verification requested', COMPLETE_VERIFICATION: 'Verified', FILE: 'Filed', REJECT: 'Rejected',
    MERGE: 'Merged', ANSWER: 'Answered', KEEP_SEPARATE: 'Kept separate',
  },
  sup17: {
    total: '{n} clocks in warning or overdue (paged by the server)', cooperating: 'Cooperating units', cooperatingPick: 'Optional: units that help',
    unknownSteps: 'Steps this console does not offer yet:',
    field: { agreedUnitId: 'Agreed responsible unit', participatingUnitIds: 'Participating units', agreementText: 'The agreement', level: 'Satisfaction', comment: 'Notes of the return visit' },
    satisfaction: { SATISFIED: 'Satisfied', BASICALLY_SATISFIED: 'Basically satisfied', DISSATISFIED: 'Dissatisfied' },
  },
  map: {
    title: 'Map', layers: 'Layers', legend: 'Legend', baseLayer: 'Online base map', baseLayerOff: 'Offline (no base map)',
    townships: 'Townships', communities: 'Communities (villages)', grids: 'Unit grids', components: 'Components', pipes: 'Pipes', cameras: 'Cameras', cases: 'Cases',
    zoneTitle: 'Unit grids (by zone)', classTitle: 'Components (by major class)', stateTitle: 'Cases (by state)',
    zone: { URBAN: 'Urban', FRINGE: 'Urban-rural fringe', OTHER: 'Other' },
    major: { '01': 'Public facilities', '02': 'Road traffic', '03': 'City appearance', '04': 'Landscaping', '05': 'Housing and land', '06': 'Other facilities', '07': 'Water conservancy' },
    state: {
      AWAITING_DISPATCH: 'Awaiting dispatch', DISPATCHED: 'Dispatched', SIGNED_FOR: 'Signed for', IN_HANDLING: 'In handling', RETURN_REQUESTED: 'Return requested',
      EXTENSION_REQUESTED: 'Extension requested', SUSPENDED: 'Suspended', FEEDBACK_SUBMITTED: 'Feedback submitted', CHECK_ORDERED: 'Check ordered', CHECK_PASSED: 'Check passed',
      COORDINATING: 'Coordinating', ESCALATED_TO_COUNTY_GOVERNMENT: 'Escalated to county government', EMERGENCY_ARRANGEMENT: 'Emergency arrangement',
    },
    componentId: 'Component id', componentClass: 'Class', componentState: 'State', maintainer: 'Maintainer',
    compState: { INTACT: 'Intact', DAMAGED: 'Damaged', MISSING: 'Missing', OCCUPIED: 'Occupied' },
    pipe: 'Pipe', pipeType: 'Type', camera: 'Camera', reportNo: 'Report no.', caseState: 'State', category: 'Category',
    emergency: 'Emergency', openCase: 'Open the case', casesShown: '{n} cases', casesTruncated: ' (only the newest {n})',
    casesFailed: 'The case layer did not load', tilesFailed: 'The map tiles did not load', noWebgl: 'No WebGL in this browser: the map is unavailable',
    fit: 'Whole county', gcj02: 'Overlays shifted to GCJ-02',
  },
  unitTerminal: {
    inbox: 'Unit terminal · orders', show: 'Show', open: 'Open', all: 'All', sort: 'Order by', urgent: 'Most urgent', newest: 'Newest',
    empty: 'No orders for your unit', noUnit: 'Your login carries no unit (unit_id): orders cannot be shown. Ask the administrator.',
    fresh: 'New', subOrder: 'Sub-order', again: 'Dispatch no. {n}', noClock: 'No clock yet', back: 'Back to the orders',
    noActions: 'Nothing for you to do on this order now', what: 'The problem', where: 'Where', check: "The check's result", round: 'round {n}',
    requests: 'Return and extension requests', subOrders: "Sub-orders (your unit's departments)", before: 'Report photo',
    hashMismatch: 'The SHA-256 the server recorded differs from the one computed here: the photo was not used, take it again',
    uploading: 'Uploading…', uploaded: 'Uploaded', removePhoto: 'Remove', takePhoto: 'Take an after-photo', noSubUnits: 'Your unit has no departments',
    orderStatus: {
      DISPATCHED: 'To sign for', SIGNED_FOR: 'Signed for', IN_HANDLING: 'In handling', FEEDBACK_SUBMITTED: 'Reported back', COMPLETED: 'Completed',
      CHECK_FAILED: 'Check failed', WITHDRAWN: 'Withdrawn', RETURNED: 'Returned',
    },
    decision: { PENDING: 'Pending', APPROVED: 'Approved', REFUSED: 'Refused', LAPSED: 'Lapsed' },
    field: {
      note: 'Note', instructions: "Leader's instructions", description: 'What was done', photoIds: 'After-photos', reason: 'Reason',
      proposedUnitId: 'Suggested unit', requestedDeadline: 'Extend until (Beijing time)', subUnitId: 'To the department',
      requirements: 'Requirements', suggestedUnitId: 'Suggested unit',
    },
  },
  m: {
    title: 'Field app', online: 'Online', offline: 'Offline', notSignedIn: 'Not signed in', login: 'Log in', logout: 'Log out', language: '中文',
    loginToSend: '{n} items wait on this device: they go once you log in',
    nav: { queue: 'Outbox', report: 'Report', tasks: 'Tasks', reports: 'My reports', shift: 'Shift' },
    state: { waiting: 'Waiting', sending: 'Sending', done: 'Registered', doneTask: 'Done', refused: 'Refused' },
    kind: { report: 'Report', verification: 'Verification', check: 'Check' },
    queue: {
      title: 'Outbox', empty: 'Nothing waits on this device', sendNow: 'Send now', photos: 'Photos {sent}/{all}', reportNo: 'Report no. {no}',
      retryLater: 'Sent again when the network is back', lastError: 'Last failure: {e}', edit: 'Correct and send', retry: 'Send again', remove: 'Give up', removeConfirm: 'Give this item up? It was not registered and cannot be recovered.',
      offlineNote: 'Offline: kept on this device, sent in order once online', alreadyDone: '(had already arrived)', count: '{n} waiting', own: 'Another user’s item: sent when they log in',
    },
    report: {
      title: 'Report a problem', photos: 'Photos', addPhoto: 'Take a photo', position: 'Position', locate: 'Locate again', dragHint: 'Drag the red pin to correct the position',
      noPosition: 'No position yet', category: 'Category', filingCondition: 'Filing condition', description: 'Description', descriptionHint: 'Describe the problem (voice typing works)',
      submit: 'Submit', saved: 'Kept on this device, sending', savedOffline: 'Kept on this device (offline): sent once online', last: 'Last one',
      needPhoto: 'Take at least one photo', needCategory: 'Pick a category', needPosition: 'Get a position first', noStandard: 'The filing standard is not on this device yet (open once online)',
      photoFailed: 'The photo could not be processed', originalHash: 'original', sentHash: 'sent', removePhoto: 'Remove the photo', tooMany: 'At most {n} photos',
    },
    tasks: { verification: 'Verification tasks', check: 'Check tasks', none: 'No tasks', open: 'Open', cached: 'Offline: the tasks last fetched', reportNo: 'Report no.' },
    task: {
      problem: 'Problem', photos: 'Photos of the problem', noPhotos: 'No photos', answerPhotos: 'On-site photos', confirmed: 'Confirmed', refuted: 'Refuted', pass: 'Check passed', fail: 'Check failed',
      note: 'Note', reason: 'Why it failed', submit: 'Submit', needReason: 'Say why the check failed', saved: 'Kept, sending', status: 'Status', answered: 'Answered (see the outbox)',
      closed: 'This task takes no answer any more: {status}', closedWhy: 'Why: {why}', openTask: 'Open the task',
      closedStatus: { CANCELLED: 'withdrawn', CONFIRMED: 'verified (confirmed)', REFUTED: 'verified (refuted)', other: 'the case is no longer being checked' },
    },
    reports: {
      title: 'My reports', none: 'No reports', reason: 'Reason', offline: 'Offline: the list last fetched',
      outcome: { registered: 'Registered', verifying: 'Being verified', filed: 'Filed', dispatched: 'Dispatched', handling: 'In handling', checking: 'Being checked', closed: 'Closed', rejected: 'Rejected', merged: 'Merged', cancelled: 'Cancelled', other: 'Other' },
    },
    shift: { title: 'Today’s shift', none: 'No shift today', onDuty: 'On duty', offDuty: 'Off duty', grids: 'Grids', positionSent: 'Position sent ({t})', positionOff: 'Not on shift: no position is sent' },
  },
  unitWarnings: {
    title: 'My efficiency warnings', pending: '{n} to acknowledge', acknowledge: 'Acknowledge', acknowledged: 'Acknowledged',
    issuedAt: 'Issued', ackAt: 'Acknowledged at', case: 'Case', reason: 'Reason', by: 'Issued by',
    failed: 'Could not read the efficiency warnings', ackFailed: 'Could not acknowledge', done: 'Warning acknowledged',
  },
  unitReturn: { subRequest: 'Sub-order return request', from: 'from', proposed: 'suggests' },
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
