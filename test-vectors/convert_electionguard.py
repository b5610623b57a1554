#!/usr/bin/env python3
"""Converts egk's ElectionGuard 2.0 test vectors (in the team's shared/vectors/electionguard folder,
MIT licence, see electionguard/LICENSE-egk-MIT.txt) that Tabella checks as known answers into
Tabella's vector format (test-vectors/README.md). Run once by a developer; outputs are committed."""
import json, os, sys

SRC = sys.argv[1] if len(sys.argv) > 1 else '../../shared/vectors/electionguard/egk-testvectors'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'electionguard')


def load(name):
    with open(os.path.join(SRC, name)) as f:
        return json.load(f)


def write(name, doc):
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(doc, f, indent=1)
        f.write('\n')


def decryption(name, selections, expected):
    v = load(name)
    trustees = v['trustees']
    return {'source': 'egk ' + name + ' (' + v['desc'] + ')',
            'joint_public_key': v['joint_public_key'],
            'quorum': len(trustees[0]['polynomial_coefficients']),
            # every guardian's share: any quorum of them must decrypt, no smaller set may
            'guardians': [{'x': t['xCoordinate'], 'key_share': t['keyShare']} for t in trustees],
            'selections': [{'pad': s['encrypted_vote']['pad'], 'data': s['encrypted_vote']['data'], 'count': e}
                           for s, e in zip(selections(v), expected(v))]}


vectors = [
    decryption('TallyDecryptionTestVector.json', lambda v: v['encrypted_tally']['contests'][0]['selections'],
               lambda v: [s['expected_decrypted_vote'] for s in v['expected_decrypted_tally']['contests'][0]['selections']]),
    decryption('TallyPartialDecryptionTestVector.json', lambda v: v['encrypted_tally']['contests'][0]['selections'],
               lambda v: [s['expected_decrypted_vote'] for s in v['expected_decrypted_tally']['contests'][0]['selections']]),
    decryption('DecryptBallotTestVector.json', lambda v: v['encrypted_ballot']['contests'][0]['selections'],
               lambda v: [s['tally'] for s in v['expected_decrypted_ballot']['contests'][0]['selections']]),
]
write('eg-threshold-decryption-egk.json', {
    'format': 'tabella-vectors-v1', 'kind': 'eg-threshold-decryption', 'group': 'eg-4096',
    'source': 'egk (votingworks/electionguard-kotlin-multiplatform) spec-2.0 test vectors, MIT',
    'description': 'ElGamal with message base K: every quorum of the guardians decrypts (A, B) to K^count with '
                   'partial decryptions A^{s_i} combined by Lagrange coefficients at 0; no smaller set does',
    'vectors': vectors})

agg = load('BallotAggregationTestVector.json')
write('eg-aggregation-egk.json', {
    'format': 'tabella-vectors-v1', 'kind': 'eg-aggregation', 'group': 'eg-4096',
    'source': 'egk BallotAggregationTestVector.json (' + agg['desc'] + '), MIT',
    'description': "the encrypted tally is the product, per selection, of the ballots' (pad, data)",
    'vectors': [{
        'ballots': [[{'pad': s['encrypted_vote']['pad'], 'data': s['encrypted_vote']['data']}
                     for s in b['contests'][0]['selections']] for b in agg['encrypted_ballots']],
        'tally': [{'pad': s['encrypted_vote']['pad'], 'data': s['encrypted_vote']['data']}
                  for s in agg['expected_encrypted_tally']['contests'][0]['selections']]}]})

# Ballot encryption: selection nonces ξ = H_q(H_E; 0x20 ‖ ξ_B ‖ contest label ‖ option label) (UTF-8,
# no length prefix, as this vector has them), ciphertexts (g^ξ, K^(m+ξ)) and the compact range and
# limit proofs (egk's "expected_challenge"/"expected_response").
enc = load('BallotEncryptionTestVector.json')
ballots = []
for ballot, e in zip(enc['ballots'], enc['expected_encrypted_ballots']):
    contests = []
    for bc, con in zip(ballot['contests'], e['contests']):
        votes = {s['selection_id']: s['vote'] for s in bc['selections']}
        contests.append({'label': bc['contest_id'], 'index': bc['sequence_order'], 'votes_allowed': bc['votes_allowed'],
                         'selections': [{'label': s['selectionId'], 'index': s['sequenceOrder'], 'vote': votes[s['selectionId']],
                                         'nonce': s['expected_selection_nonce'],
                                         'pad': s['expected_encrypted_vote']['pad'], 'data': s['expected_encrypted_vote']['data'],
                                         'proof': [{'c': p['expected_challenge'], 'v': p['expected_response']}
                                                   for p in s['expected_proof']['proofs']]} for s in con['selections']],
                         'limit_proof': [{'c': p['expected_challenge'], 'v': p['expected_response']}
                                         for p in con['expected_proof']['proofs']]})
    ballots.append({'ballot_nonce': e['ballotNonce'], 'contests': contests})
write('eg-ballot-encryption-egk.json', {
    'format': 'tabella-vectors-v1', 'kind': 'eg-ballot-encryption', 'group': 'eg-4096',
    'source': 'egk BallotEncryptionTestVector.json (' + enc['desc'] + '), MIT',
    'description': 'selection nonces from labels, encryptions with message base K, and their range and limit proofs',
    'vectors': [{'joint_public_key': enc['joint_public_key'], 'extended_base_hash': enc['extended_base_hash'],
                 'ballots': ballots}]})


def codes(name, nonce_form, contest_hash_form):
    v = load(name)
    out = []
    for ballot, e in zip(v['ballots'], v['expected_encrypted_ballots']):
        out.append({'ballot_nonce': e['ballotNonce'], 'code_baux': e['codeBaux'], 'confirmation_code': e['expected_confirmationCode'],
                    'contests': [{'label': bc['contest_id'], 'index': bc['sequence_order'], 'contest_hash': con['expected_contestHash'],
                                  'selections': [{'label': s['selection_id'], 'index': s['sequence_order'], 'vote': s['vote']}
                                                 for s in bc['selections']]}
                                 for bc, con in zip(ballot['contests'], e['contests'])]})
    doc = {'source': 'egk ' + name + ' (' + v['desc'] + ')', 'nonce_form': nonce_form, 'contest_hash_form': contest_hash_form,
           'joint_public_key': v['joint_public_key'], 'extended_base_hash': v['extended_base_hash'], 'ballots': out}
    if 'configBaux0' in v:
        doc['baux0'] = bytes((x + 256) % 256 for x in v['configBaux0']).hex().upper()
    return doc


write('eg-confirmation-code-egk.json', {
    'format': 'tabella-vectors-v1', 'kind': 'eg-confirmation-code', 'group': 'eg-4096',
    'source': 'egk ConfirmationCodeTestVector.json and BallotChainingTestVector.json, MIT',
    'description': 'contest hashes and confirmation codes of ballots encrypted from their nonces; with baux0, '
                   'the chain B_aux,1 = H(H_E; 0x24 ‖ B_aux,0), B_aux,j = code_(j-1) ‖ B_aux,0. The two vectors '
                   'follow different revisions: nonce_form labels/indices, contest_hash_form label/index (SPEC §6)',
    'vectors': [codes('ConfirmationCodeTestVector.json', 'labels', 'label'),
                codes('BallotChainingTestVector.json', 'indices', 'index')]})

# Decryption with the primary nonce: ξ from the ballot's nonce (labels form), then β·K^-ξ = K^m.
dwn = load('DecryptWithNonceTestVector.json')
votes = {(c['contest_id'], s['selection_id']): s['vote'] for c in dwn['expected_decrypted_ballot']['contests'] for s in c['selections']}
write('eg-decrypt-with-nonce-egk.json', {
    'format': 'tabella-vectors-v1', 'kind': 'eg-decrypt-with-nonce', 'group': 'eg-4096',
    'source': 'egk DecryptWithNonceTestVector.json (' + dwn['desc'] + '), MIT',
    'description': 'a ballot decrypted with its primary nonce: xi from labels, alpha = g^xi, beta = K^(m + xi)',
    'vectors': [{'joint_public_key': dwn['joint_public_key'], 'extended_base_hash': dwn['extended_base_hash'],
                 'ballot_nonce': dwn['primary_nonce'],
                 'selections': [{'contest': c['contest_id'], 'option': s['selection_id'], 'pad': s['encrypted_vote']['pad'],
                                 'data': s['encrypted_vote']['data'], 'vote': votes[(c['contest_id'], s['selection_id'])]}
                                for c in dwn['encrypted_ballot']['contests'] for s in c['selections']]}]})

# The key-ceremony-side vectors follow egk's revision of July 2023 (before spec 2.0 was final), the
# revision named "egk-2023-07" here: guardian and coefficient indices and the KDF length are 2 bytes,
# H_B = H(H_P; 0x02 ‖ n ‖ k ‖ date ‖ jurisdiction ‖ H_M) (strings as UTF-8, no length), and
# H_E = H(H_B; 0x12 ‖ K ‖ every K_ij, guardian by guardian). SPEC §6.6.
par = load('ParametersTestVector.json')
hp, hb = par['parameter_base_hash'], par['election_base_hash']
write('eg-parameters-egk.json', {
    'format': 'tabella-vectors-v1', 'kind': 'eg-parameters', 'group': 'eg-4096',
    'source': 'egk ParametersTestVector.json (' + par['desc'] + '), MIT',
    'description': 'H_P = H(ver; 0x00 ‖ p ‖ q ‖ g) and, in revision egk-2023-07, '
                   'H_B = H(H_P; 0x02 ‖ b(n,2) ‖ b(k,2) ‖ date ‖ jurisdiction ‖ H_M)',
    'vectors': [{'revision': 'egk-2023-07', 'version': hp['protocolVersion'], 'p': hp['primes']['large_prime'],
                 'q': hp['primes']['small_prime'], 'g': hp['primes']['generator'], 'parameter_base_hash': hp['expected'],
                 'guardians': hb['numberOfGuardians'], 'quorum': hb['quorum'], 'date': hb['date'],
                 'jurisdiction': hb['jurisdiction_info'], 'manifest_hash': hb['manifest_hash'],
                 'election_base_hash': hb['expected']}]})

kc = load('KeyCeremonyTestVector.json')
write('eg-key-ceremony-egk.json', {
    'format': 'tabella-vectors-v1', 'kind': 'eg-key-ceremony', 'group': 'eg-4096',
    'source': 'egk KeyCeremonyTestVector.json (' + kc['desc'] + '), MIT',
    'description': 'revision egk-2023-07: K_ij = g^a_ij, Schnorr proofs c = H_q(H_P; 0x10 ‖ b(i,2) ‖ b(j,2) ‖ K_ij ‖ g^u), '
                   'v = u − a·c; K = Π K_i0; H_E = H(H_B; 0x12 ‖ K ‖ K_10 ‖ … ‖ K_n(k−1))',
    'vectors': [{'revision': 'egk-2023-07', 'parameter_base_hash': hp['expected'],
                 'election_base_hash': kc['election_base_hash'],
                 'guardians': [{'x': g['coordinate'], 'coefficients': g['polynomial_coefficients'], 'proof_nonces': g['proof_nonces'],
                                'proofs': [{'commitment': p['public_key'], 'c': p['challenge'], 'v': p['response']}
                                           for p in g['expected_proofs']]} for g in kc['guardians']],
                 'joint_public_key': kc['expected_joint_public_key'],
                 'extended_base_hash': kc['expected_extended_base_hash']}]})

se = load('ShareEncryptionTestVector.json')
xs = {g['name']: g['coordinate'] for g in se['guardians']}
nonces = {g['name']: g['share_nonces'] for g in se['expected_guardian_shares']}
shares = []
for g in se['expected_guardian_shares']:
    for s in g['expected_shares']:
        owner, recipient = s['polynomialOwner'], s['secretShareFor']
        e = s['encryptedCoordinate']
        shares.append({'from': xs[owner], 'to': xs[recipient], 'nonce': nonces[owner][recipient],
                       'value': s['yCoordinate'], 'c0': e['c0'], 'c1': e['c1'], 'c2': e['c2']})
write('eg-share-encryption-egk.json', {
    'format': 'tabella-vectors-v1', 'kind': 'eg-share-encryption', 'group': 'eg-4096',
    'source': 'egk ShareEncryptionTestVector.json (' + se['desc'] + '), MIT',
    'description': 'revision egk-2023-07: guardian i encrypts P_i(l) for guardian l under K_l = g^a_l0 with nonce xi: '
                   'C0 = g^xi, k = H(H_P; 0x11 ‖ b(i,2) ‖ b(l,2) ‖ K_l ‖ C0 ‖ K_l^xi), '
                   'k_t = HMAC(k, b(t,1) ‖ "share_enc_keys" ‖ 0x00 ‖ "share_encrypt" ‖ b(i,2) ‖ b(l,2) ‖ b(512,2)), '
                   'C1 = b(P_i(l),32) xor k_2, C2 = HMAC(k_1, C0 ‖ C1); each guardian\'s key share is the sum of the '
                   'shares it receives and its own',
    'vectors': [{'revision': 'egk-2023-07', 'parameter_base_hash': hp['expected'],
                 'guardians': [{'x': g['coordinate'], 'coefficients': g['polynomial_coefficients']} for g in se['guardians']],
                 'shares': shares,
                 'key_shares': [{'x': xs[g['name']], 'key_share': g['expected_my_share_of_secret']}
                                for g in se['expected_guardian_shares']]}]})

# Pre-encryption (revision egk-2023-07, spec 1.9 §4 as egk implemented it): selection nonces
# ξ_ijk = H_q(H_E; 0x43 ‖ ξ_B ‖ contest ‖ selection ‖ option) (labels, UTF-8, no length), vectors
# (g^ξ, K^(m+ξ)), selection hashes ψ = H(H_E; 0x40 ‖ K ‖ α_1 ‖ β_1 ‖ …) mod q with short codes the
# first five uppercase hex digits of H, contest hashes χ = H(H_E; 0x41 ‖ contest ‖ K ‖ sorted ψ) and
# the code H(H_E; 0x42 ‖ χ_1 ‖ … ‖ B_aux). SPEC §6.6.
def manifest_contests(m):
    return [{'label': c['object_id'], 'index': c['sequence_order'], 'votes_allowed': c['votes_allowed'],
             'options': [s['object_id'] for s in sorted(c['ballot_selections'], key=lambda s: s['sequence_order'])]}
            for c in sorted(m['contests'], key=lambda c: c['sequence_order'])]


pe = load('PreEncryptionTestVector.json')
pb = pe['preencrypted_ballot']
contests = manifest_contests(pe['manifest'])
for mc, c in zip(contests, pb['contests']):
    assert mc['label'] == c['contestId']
    mc['selections'] = [{'label': s['selectionId'], 'nonces': s['expected_selectionNonces'],
                         'vector': [{'pad': e['pad'], 'data': e['data']} for e in s['expected_selectionVector']],
                         'selection_hash': s['expected_selectionHash'], 'short_code': s['shortCode']} for s in c['selections']]
    mc['preencryption_hash'] = c['expected_preencryptionHash']
write('eg-pre-encryption-egk.json', {
    'format': 'tabella-vectors-v1', 'kind': 'eg-pre-encryption', 'group': 'eg-4096',
    'source': 'egk PreEncryptionTestVector.json (' + pe['desc'] + '), MIT',
    'description': 'revision egk-2023-07: a pre-encrypted ballot from its primary nonce: every selection vector '
                   '(and L null vectors), its nonces, selection hash and short code, the contest hash and the code',
    'vectors': [{'revision': 'egk-2023-07', 'joint_public_key': pe['joint_public_key'],
                 'extended_base_hash': pe['extended_base_hash'], 'primary_nonce': pe['primary_nonce'], 'code_baux': '',
                 'contests': contests, 'confirmation_code': pb['expected_confirmationCode']}]})

pr = load('PreEncryptionRecordedTestVector.json')
rb = pr['expected_recorded_ballot']
contests = manifest_contests(pr['manifest'])
for mc, c in zip(contests, rb['contests']):
    assert mc['label'] == c['contest_id']
    pre = c['pre_encryption']
    mc['selected_codes'] = pr['selected_codes'][c['contest_id']]
    mc['recorded'] = {
        'all_selection_hashes': pre['all_selection_hashes'], 'preencryption_hash': pre['preencryption_hash'],
        'selected_vectors': [{'short_code': s['short_code'], 'selection_hash': s['selection_hash'],
                              'encryptions': [{'pad': e['pad'], 'data': e['data']} for e in s['encryptions']]}
                             for s in pre['selected_vectors']],
        'selections': [{'label': s['selection_id'], 'pad': s['encrypted_vote']['pad'], 'data': s['encrypted_vote']['data'],
                        'proof': [{'c': p['challenge'], 'v': p['response']} for p in s['proof']['proofs']]}
                       for s in c['selections']],
        'limit_proof': [{'c': p['challenge'], 'v': p['response']} for p in c['proof']['proofs']],
        'contest_hash': c['contest_hash']}
write('eg-pre-encryption-recorded-egk.json', {
    'format': 'tabella-vectors-v1', 'kind': 'eg-pre-encryption-recorded', 'group': 'eg-4096',
    'source': 'egk PreEncryptionRecordedTestVector.json (' + pr['desc'] + '), MIT',
    'description': 'revision egk-2023-07: a voted pre-encrypted ballot as recorded: the vectors of the chosen short '
                   'codes (sorted by selection hash), their products as the selections with range and limit proofs, '
                   'the contest hash H(H_E mod q; 0x23 ‖ contest ‖ K ‖ α_1 ‖ β_1 ‖ …), all selection hashes, the '
                   'contest pre-encryption hashes and the confirmation code',
    'vectors': [{'revision': 'egk-2023-07', 'joint_public_key': pr['joint_public_key'],
                 'extended_base_hash': pr['extended_base_hash'], 'primary_nonce': pr['primary_nonce'],
                 'code_baux': rb['code_baux'], 'contests': contests, 'confirmation_code': rb['confirmation_code']}]})
