#!/usr/bin/env python3
"""Writes deploy/local/keycloak/minqing-realm.json from the production realm
(deploy/k8s/base/keycloak/realm-import.yaml) plus local-only demo users and client secrets.
Run it after changing the production realm: python3 deploy/local/keycloak/make-local-realm.py"""
import copy, json, os, yaml

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, '..', '..', 'k8s', 'base', 'keycloak', 'realm-import.yaml')
realm = copy.deepcopy(yaml.safe_load(open(src))['spec']['realm'])
realm['sslRequired'] = 'none'
for c in realm['clients']:
    cid = c['clientId']
    if cid == 'szcg-web':
        # the console (console/, port 8086; the test stack's on 8186) logs in with code + PKCE
        # and comes back to /callback; Keycloak's token endpoint answers its origin (CORS of
        # Keycloak only — the console reaches the APIs same-origin through its own proxy)
        # — and any other local stack's console (SZCG_PORT_BASE + 6 for the bases 8000…8900,
        # so that several stacks can run side by side on one machine)
        # (the demo stack's base is 8080 and the test stack's 8180: consoles 8086 and 8186)
        consoles = [f'http://{h}:{p + 100 * k}' for p in (8086, 8006) for k in range(10)
                    for h in ('127.0.0.1', 'localhost')]
        c['redirectUris'] = ['http://localhost:*', 'http://127.0.0.1:*'] + [o + '/*' for o in consoles]
        c['webOrigins'] = ['+'] + consoles
        c['attributes']['post.logout.redirect.uris'] = '##'.join(
            ['http://localhost:*'] + [o + '/*' for o in consoles])
    if cid in ('szcg-web', 'szcg-mobile'):
        c['directAccessGrantsEnabled'] = True  # local only: password grant for curl
    if not c.get('publicClient'):
        c['secret'] = cid + '-local-secret'  # local only; Kubernetes generates secrets

USERS = [
    ('operator1', 'operator', None, {}, '受理员', '一号'),
    ('shiftlead1', 'shift-lead', None, {}, '值班长', '一号'),
    ('dispatcher1', 'dispatcher', None, {}, '派遣员', '一号'),
    ('water-receiver', 'unit-receiver', 'U-WATER', {}, '自来水公司', '接收人'),
    ('water-leader', 'unit-leader', 'U-WATER', {}, '自来水公司', '分管领导'),
    ('water-handler', 'unit-handler', 'U-WATER', {}, '自来水公司', '处置人员'),
    ('sanitation-receiver', 'unit-receiver', 'U-SANITATION', {}, '环卫', '接收人'),
    # two-level command (二级派遣, R-02): the township body 梅城镇 (T-350124100) and one of its own
    # departments, 梅城镇环境卫生管理站 (T-350124100-ENV; dispatch's demo/units-minqing.json): the
    # department's person signs for a sub-order and reports back (receiver + handler roles)
    ('meicheng-receiver', 'unit-receiver', 'T-350124100', {}, '梅城镇', '接收人'),
    ('meicheng-leader', 'unit-leader', 'T-350124100', {}, '梅城镇', '分管领导'),
    ('meicheng-env', ['unit-receiver', 'unit-handler'], 'T-350124100-ENV', {}, '梅城镇环卫站', '处置人员'),
    ('efficiency1', 'efficiency-office', None, {}, '县效能办', '一号'),
    ('supervision1', 'supervision-office', None, {}, '县政府督查室', '一号'),
    ('government1', 'county-government', None, {}, '县政府', '一号'),
    ('admin1', 'admin', None, {}, '系统管理员', '一号'),
]
# local only: the bad-input campaign's user, holding every human role so that each malformed
# request passes the role gate and reaches validation (system-tests BadInputCampaignTest)
HUMAN_ROLES = ['collector', 'operator', 'shift-lead', 'dispatcher', 'unit-receiver', 'unit-leader',
               'unit-handler', 'efficiency-office', 'supervision-office', 'county-government', 'admin']
realm['users'] = [u for u in realm.get('users', []) if u.get('serviceAccountClientId')]
# ten demo collectors collector1…collector10 = C0001…C0010 (deploy/local/demo-intake.sh)
USERS[0:0] = [('collector%d' % i, 'collector', None, {'collector_id': 'C%04d' % i}, '采集员', str(i))
              for i in range(1, 11)]
# the bad-input campaign's user: every human role, and county-system for the shared case read
USERS.append(('qa-campaign', HUMAN_ROLES + ['county-system'], 'U-WATER', {'collector_id': 'C0001'}, '测试', '全角色'))
for username, role, unit, attrs, first, last in USERS:
    a = {k: [v] for k, v in attrs.items()}
    if unit:
        a['unit_id'] = [unit]
    realm['users'].append({
        'username': username, 'enabled': True, 'firstName': first, 'lastName': last,
        'email': username + '@minqing.example', 'emailVerified': True, 'attributes': a,
        'realmRoles': role if isinstance(role, list) else [role], 'requiredActions': [],
        'credentials': [{'type': 'password', 'value': 'Minqing2026', 'temporary': False}]})
with open(os.path.join(here, 'minqing-realm.json'), 'w') as f:
    json.dump(realm, f, ensure_ascii=False, indent=2)
    f.write('\n')
