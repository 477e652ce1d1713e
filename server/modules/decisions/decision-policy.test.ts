import { describe, expect, it } from 'vitest';
import { systemActor } from '../../policies/actor';
import { actionsOn } from '../../policies/authorize';
import { account, anonymous } from '../../test/actors';
import { decisionPolicy, membershipPolicy } from './decision-policy';

const all = ['read', 'update', 'vote', 'close', 'follow'] as const;
const open = { collectiveId: 'k1', public: false, status: 'open' as const };

describe('decision policy', () => {
  it('lets a collective’s members read and vote, its coordinators run it, and nobody else see it unless published', () => {
    expect(actionsOn(account([{ role: 'member', scope: ['k1'] }]), all, decisionPolicy, open)).toEqual(['read', 'vote']);
    expect(actionsOn(account([{ role: 'coordinator', scope: ['k1'] }]), all, decisionPolicy, open)).toEqual(all);
    expect(actionsOn(account([{ role: 'admin' }]), all, decisionPolicy, open)).toEqual(['read', 'update', 'close', 'follow']);
    expect(actionsOn(account([{ role: 'member', scope: ['k2'] }]), all, decisionPolicy, open)).toEqual([]);
    expect(actionsOn(account([{ role: 'coordinator', scope: ['k2'] }]), all, decisionPolicy, open)).toEqual([]);
    expect(actionsOn(anonymous, all, decisionPolicy, open)).toEqual([]);
    expect(actionsOn(anonymous, all, decisionPolicy, { ...open, public: true })).toEqual(['read']);
  });

  it('puts network-wide decisions to the coordinators of the collectives, run by the national team', () => {
    const network = { ...open, collectiveId: null };
    expect(actionsOn(account([{ role: 'coordinator', scope: ['k2'] }]), all, decisionPolicy, network)).toEqual(['read', 'vote']);
    expect(actionsOn(account([{ role: 'member', scope: ['k2'] }]), all, decisionPolicy, network)).toEqual([]);
    expect(actionsOn(systemActor, all, decisionPolicy, network)).toEqual(['read', 'update', 'close', 'follow']);
  });

  it('refuses votes before opening and after closing', () => {
    const member = account([{ role: 'member', scope: ['k1'] }]);
    expect(decisionPolicy.vote(member, { ...open, status: 'upcoming' })).toBe(false);
    expect(decisionPolicy.vote(member, { ...open, status: 'closed' })).toBe(false);
    expect(decisionPolicy.close(account([{ role: 'coordinator', scope: ['k1'] }]), { ...open, status: 'closed' })).toBe(false);
  });

  it('lets a collective’s coordinators and the national team manage its members, not its members', () => {
    expect(membershipPolicy.manage(account([{ role: 'coordinator', scope: ['k1'] }]), 'k1')).toBe(true);
    expect(membershipPolicy.manage(account([{ role: 'coordinator', scope: ['k2'] }]), 'k1')).toBe(false);
    expect(membershipPolicy.manage(account([{ role: 'member', scope: ['k1'] }]), 'k1')).toBe(false);
    expect(membershipPolicy.manage(account([{ role: 'admin' }]), 'k1')).toBe(true);
  });
});
