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
