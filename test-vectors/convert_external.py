#!/usr/bin/env python3
"""Converts the external vectors (kept outside this repository, in the team's shared/vectors
folder) into Tabella's own vector format (test-vectors/README.md). Run once by a developer; the
outputs are committed, and tests read only the outputs. Every output file names its source."""
import json, os, sys

SRC = sys.argv[1] if len(sys.argv) > 1 else '../../shared/vectors'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'groups')


def load(path):
    with open(os.path.join(SRC, path)) as f:
        return json.load(f)


def write(name, doc):
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(doc, f, indent=1)
        f.write('\n')


def h(x):
    return x[2:] if x.startswith('0x') else x


def compressed(x, y, size):
    x, y = int(h(x), 16), int(h(y), 16)
    return ('03' if y & 1 else '02') + format(x, '0%dx' % (2 * size))


CURVES = {'secp256r1': ('P-256', 32), 'secp384r1': ('P-384', 48), 'secp256k1': ('secp256k1', 32)}

# RFC 9496 ristretto255
r = load('rfc9496-ristretto255-decaf448/ristretto255.json')
write('ristretto255-rfc9496.json', {
    'format': 'tabella-vectors-v1', 'kind': 'group-multiples', 'group': 'ristretto255',
    'source': 'RFC 9496 Appendix A.1 (via cfrg/draft-irtf-cfrg-ristretto255 @ fa5a0f4d)',
    'description': 'encode(k·B) for k = 0..15',
    'vectors': [{'k': format(k, 'x'), 'encoding': e} for k, e in enumerate(r['generator_multiples']['encodings'])]})
write('ristretto255-invalid-rfc9496.json', {
    'format': 'tabella-vectors-v1', 'kind': 'decode', 'group': 'ristretto255',
    'source': 'RFC 9496 Appendix A.2', 'description': 'encodings decode must reject',
    'vectors': [{'encoding': v['encoding'], 'expected': 'reject', 'comment': v['category']}
                for v in r['invalid_encodings']['vectors']]})
fub = [{'input': v['input'], 'output': v['output']} for v in r['from_uniform_bytes']['vectors']]
fub += [{'input': i, 'output': r['from_uniform_bytes_same_output']['output']}
        for i in r['from_uniform_bytes_same_output']['inputs']]
write('ristretto255-from-uniform-bytes-rfc9496.json', {
    'format': 'tabella-vectors-v1', 'kind': 'from-uniform-bytes', 'group': 'ristretto255',
    'source': 'RFC 9496 Appendix A.3', 'description': 'element derivation from 64 uniform bytes',
    'vectors': fub})

# RFC 9496 decaf448
r = load('rfc9496-ristretto255-decaf448/decaf448.json')
write('decaf448-rfc9496.json', {
    'format': 'tabella-vectors-v1', 'kind': 'group-multiples', 'group': 'decaf448',
    'source': 'RFC 9496 Appendix B.1 (via cfrg/draft-irtf-cfrg-ristretto255 @ fa5a0f4d)',
    'description': 'encode(k·B) for k = 0..15',
    'vectors': [{'k': format(k, 'x'), 'encoding': e} for k, e in enumerate(r['generator_multiples']['encodings'])]})
write('decaf448-invalid-rfc9496.json', {
    'format': 'tabella-vectors-v1', 'kind': 'decode', 'group': 'decaf448',
    'source': 'RFC 9496 Appendix B.2', 'description': 'encodings decode must reject',
    'vectors': [{'encoding': v['encoding'], 'expected': 'reject', 'comment': v['category']}
                for v in r['invalid_encodings']['vectors']]})
write('decaf448-from-uniform-bytes-rfc9496.json', {
    'format': 'tabella-vectors-v1', 'kind': 'from-uniform-bytes', 'group': 'decaf448',
    'source': 'RFC 9496 Appendix B.3', 'description': 'element derivation from 112 uniform bytes',
    'vectors': [{'input': v['input'], 'output': v['output']} for v in r['from_uniform_bytes']['vectors']]})
# expand-message-xof-shake256-36-rfc9380.json was written from cfrg/draft-irtf-cfrg-hash-to-curve
# @ d925acd7, poc/vectors/expand_message_xof_SHAKE256_36.json (not among the shared vectors).

# RFC 9380 suites and expand_message_xmd
for fname, group, size in [('P256_XMD_SHA-256_SSWU_RO_.json', 'P-256', 32),
                           ('P384_XMD_SHA-384_SSWU_RO_.json', 'P-384', 48),
                           ('secp256k1_XMD_SHA-256_SSWU_RO_.json', 'secp256k1', 32)]:
    d = load('rfc9380-hash-to-curve/' + fname)
    write('hash-to-curve-' + group.lower() + '-rfc9380.json', {
        'format': 'tabella-vectors-v1', 'kind': 'hash-to-group', 'group': group,
        'source': 'RFC 9380 Appendix J, suite ' + d['ciphersuite'] + ' (cfrg/draft-irtf-cfrg-hash-to-curve @ 664b1359)',
        'description': 'hash_to_curve(msg) with the given DST; u = hash_to_field outputs; P compressed',
        'dst': d['dst'],
        'vectors': [{'msg': v['msg'], 'u': [h(u) for u in v['u']],
                     'q0': compressed(v['Q0']['x'], v['Q0']['y'], size),
                     'q1': compressed(v['Q1']['x'], v['Q1']['y'], size),
                     'output': compressed(v['P']['x'], v['P']['y'], size)} for v in d['vectors']]})
for fname in ['expand_message_xmd_SHA256_38.json', 'expand_message_xmd_SHA256_256.json',
              'expand_message_xmd_SHA512_38.json']:
    d = load('rfc9380-hash-to-curve/' + fname)
    write(fname.replace('_', '-').replace('.json', '-rfc9380.json').lower(), {
        'format': 'tabella-vectors-v1', 'kind': 'expand-message-xmd',
        'source': 'RFC 9380 Appendix K (' + fname + ')', 'hash': d['hash'].replace('SHA', 'SHA-'),
        'dst': d['DST'], 'description': 'expand_message_xmd(msg, DST, len)',
        'vectors': [{'msg': t['msg'], 'length': int(t['len_in_bytes'], 16),
                     'output': t['uniform_bytes']} for t in d['tests']]})

# EC scalar multiples k·G
s = load('ec/scalar_mult_kG.json')['vectors']
for curve, (group, size) in CURVES.items():
    write('multiples-' + group.lower() + '.json', {
        'format': 'tabella-vectors-v1', 'kind': 'group-multiples', 'group': group,
        'source': 'shared/vectors/ec/scalar_mult_kG.json (NIST EC test vectors / Chuck Batson secp256k1 list, via libgcrypt t-mpi-point.c)',
        'description': 'k·G as a compressed SEC1 encoding',
        'vectors': [{'k': v['k_hex'], 'encoding': compressed(v['x'], v['y'], size)} for v in s[curve]]})

# EC point decoding: derived bad points (SEC1 decoder) and Wycheproof ECDH with raw points
b = load('ec/bad_points_derived.json')['curves']
for curve, (group, size) in CURVES.items():
    write('sec1-points-' + group.lower() + '.json', {
        'format': 'tabella-vectors-v1', 'kind': 'decode', 'group': group, 'decoder': 'sec1',
        'source': 'shared/vectors/ec/bad_points_derived.json (derived, cross-checked with OpenSSL)',
        'description': 'SEC1 encodings an interoperable decoder must accept or reject',
        'vectors': [{'encoding': p['encoding'], 'expected': p['expected'], 'comment': p['name'] + ': ' + p['why']}
                    for p in b[curve]['points']]})
for fname, group in [('ecdh_secp256r1_ecpoint_test.json', 'P-256'), ('ecdh_secp384r1_ecpoint_test.json', 'P-384')]:
    d = load('wycheproof/' + fname)
    vs = []
    for g in d['testGroups']:
        for t in g['tests']:
            vs.append({'id': t['tcId'], 'public': t['public'], 'private': t['private'],
                       'shared': t['shared'], 'result': t['result'],
                       'comment': t['comment'] + (' [' + ','.join(t['flags']) + ']' if t['flags'] else '')})
    write('ecdh-' + group.lower() + '-wycheproof.json', {
        'format': 'tabella-vectors-v1', 'kind': 'ecdh', 'group': group,
        'source': 'Wycheproof testvectors_v1/' + fname + ' @ dac1dd47 (Apache-2.0)',
        'description': 'valid: decodeSec1(public)^private has x-coordinate shared; invalid: decodeSec1 rejects; acceptable: either',
        'vectors': vs})

# Schnorr groups
m = load('groups/schnorr_modp_groups.json')
names = {'rfc5114_1024_160': 'modp-1024-160', 'rfc5114_2048_224': 'modp-2048-224', 'rfc5114_2048_256': 'modp-2048-256',
         'rfc3526_modp_2048': 'modp-2048', 'rfc3526_modp_3072': 'modp-3072', 'ffdhe2048': 'ffdhe2048',
         'electionguard_v2_4096': 'eg-4096'}
decode = []
for key, name in names.items():
    g = m['groups'][key]
    size = (int(g['p'], 16).bit_length() + 7) // 8
    for e in g['special_elements']:
        v = int(e['value'], 16) if isinstance(e['value'], str) else e['value']
        if v < 0 or v.bit_length() > 8 * size:
            enc = None
        else:
            enc = format(v, '0%dx' % (2 * size))
        decode.append({'group': name, 'encoding': enc, 'value': format(v, 'x') if v >= 0 else '-' + format(-v, 'x'),
                       'expected': e['expected'], 'comment': e.get('why', '')})
write('modp-special-elements.json', {
    'format': 'tabella-vectors-v1', 'kind': 'decode',
    'source': 'shared/vectors/groups/schnorr_modp_groups.json special_elements (derived)',
    'description': 'elements a subgroup validator must accept or reject; encoding null = the value has no encoding of the right length (negative or too long) and must be rejected as an integer too',
    'vectors': decode})
dh = []
for key in ['rfc5114_1024_160', 'rfc5114_2048_224', 'rfc5114_2048_256']:
    t = m['groups'][key]['dh_test_data']
    dh.append({'group': names[key], 'xA': t['xA'], 'yA': t['yA'], 'xB': t['xB'], 'yB': t['yB'], 'Z': t['Z']})
write('modp-dh-rfc5114.json', {
    'format': 'tabella-vectors-v1', 'kind': 'modp-dh',
    'source': 'RFC 5114 Appendix A.1-A.3 test data (originally NIST)',
    'description': 'g^xA = yA, g^xB = yB, yB^xA = yA^xB = Z (mod p), hex',
    'vectors': dh})
tiny = m['tiny_test_groups']['groups']
write('modp-parameters.json', {
    'format': 'tabella-vectors-v1', 'kind': 'schnorr-parameters',
    'source': 'electionguard-python test constants via shared/vectors/groups/schnorr_modp_groups.json tiny_test_groups',
    'description': 'decimal p, q, g; expected accept/reject by a parameter validator without size floor',
    'vectors': [{'name': k, 'p': v['p'], 'q': v['q'], 'g': v['g'],
                 'expected': 'accept' if v['valid_schnorr_group'] else 'reject'} for k, v in tiny.items()]})

p = load('wycheproof/primality_test.json')
write('primality-wycheproof.json', {
    'format': 'tabella-vectors-v1', 'kind': 'primality',
    'source': 'Wycheproof testvectors_v1/primality_test.json @ dac1dd47 (Apache-2.0)',
    'description': 'value is big-endian two\'s complement hex; valid = prime, invalid = not prime, acceptable = either',
    'vectors': [{'id': t['tcId'], 'value': t['value'], 'result': t['result'], 'comment': t['comment']}
                for g in p['testGroups'] for t in g['tests']]})
print('ok')

# C2SP COCKTAIL-DKG: Feldman VSS / DKG / Lagrange known answers
OUT_CRYPTO = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'crypto')
for suite, group, little_endian in [('p256-sha256', 'P-256', False), ('secp256k1-sha256', 'secp256k1', False),
                                    ('ristretto255-sha512', 'ristretto255', True)]:
    d = load('c2sp-cctv/cocktail-dkg/cocktail-dkg-' + suite + '.json')
    vs = []
    for v in d['vectors']:
        def scalar(hexs):
            b = bytes.fromhex(hexs)
            return (b[::-1] if little_endian else b).hex()
        pop = []
        for r1 in v['round1']:
            R = r1['pop_intermediate']['nonce_commitment']
            z = r1['pop'][len(R):]
            pop.append({'dealer': r1['participant_id'], 'r': R, 'z': scalar(z),
                        'challenge': scalar(r1['pop_intermediate']['challenge'])})
        vs.append({'n': v['n'], 't': v['t'],
                   'commitments': [{'dealer': r1['participant_id'], 'vss_commitment': r1['vss_commitment']} for r1 in v['round1']],
                   'proofs_of_possession': pop,
                   'shares': [{'index': r2['participant_id'], 'secret_share': scalar(r2['secret_share']),
                               'verification_share': r2['verification_share']} for r2 in v['round2']],
                   'group_public_key': v['group_public_key']})
    with open(os.path.join(OUT_CRYPTO, 'cocktail-dkg-' + group.lower() + '.json'), 'w') as f:
        json.dump({'format': 'tabella-vectors-v1', 'kind': 'feldman-dkg', 'group': group,
                   'source': 'C2SP CCTV cocktail-dkg/cocktail-dkg-' + suite + '.json @ 1e3d2860 (COCKTAIL-DKG v0.2.0)',
                   'description': 'per vector: each dealer\'s Feldman commitments, each party\'s final secret share (big-endian scalar) and verification share, the group key; PoP: z·G = R + c·C_0',
                   'vectors': vs}, f, indent=1)
        f.write('\n')
print('crypto ok')
