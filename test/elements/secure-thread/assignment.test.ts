import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { shiftTab } from '../../keyboard.js';
import { SecureAuthRequiredEvent, SecureConversationChangedEvent } from '../../../src/events/events.js';
import {
  alertText,
  announcer,
  asUser,
  button,
  claimBox,
  detail,
  dialog,
  eventually,
  focused,
  hasButton,
  hasField,
  loaded,
  MOCK_USER_IDS,
  normalise,
  openDialog,
  pick,
  renderThread,
  root,
  timeline,
  unassigned,
  useMockBackend,
} from './thread-helpers.js';

const ME = 'Namn Efternamn (NAEF00)';

describe('<secure-thread> Jag arbetar med ärendet and Jag tar över ärendet', function () {
  this.timeout(30_000);
  const mock = useMockBackend();
  const { backend } = mock;

  /** A conversation of the home organisation whose assignee is `id`, set up in the store. */
  function assignedTo(id: string): string {
    const number = unassigned(backend, 'reply-received');
    const version = backend.store.peek(number)!.version;
    asUser(backend, id, (u) => backend.store.claim(u, number, `"${version}"`));
    return number;
  }

  it('ticking claims an unassigned conversation with the version seen; status stays', async () => {
    const number = unassigned(backend, 'new');
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    const box = claimBox(el);
    expect(box.checked).to.equal(false);
    expect(box.disabled).to.equal(false);
    expect(hasButton(el, 'Jag tar över ärendet')).to.equal(false);
    const changed = oneEvent(el, SecureConversationChangedEvent.eventName);
    box.click();
    const event = await changed;
    expect(event.detail).to.deep.equal({ number, change: 'claimed', status: 'new', assigneeId: 'NAEF00' });
    await el.updateComplete;
    expect(backend.store.peek(number)!.assignee?.id).to.equal('NAEF00');
    expect(backend.store.peek(number)!.status).to.equal('new');
    expect(detail(el, 'Ansvarig handläggare')).to.equal(ME);
    expect(claimBox(el).checked).to.equal(true);
    expect(timeline(el).at(-1)).to.match(
      new RegExp(`^history: ${ME.replace(/[()]/g, '\\$&')} arbetar med ärendet\\.`),
    );
    await eventually(() => normalise(announcer(el).textContent) === 'Du arbetar nu med ärendet.');
    await expect(el).to.be.accessible();
  });

  it('unticking releases the user’s own claim', async () => {
    const number = assignedTo('NAEF00');
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    expect(claimBox(el).checked).to.equal(true);
    const changed = oneEvent(el, SecureConversationChangedEvent.eventName);
    claimBox(el).click();
    expect((await changed).detail).to.include({ change: 'released', assigneeId: null });
    await el.updateComplete;
    expect(backend.store.peek(number)!.assignee).to.equal(null);
    expect(detail(el, 'Ansvarig handläggare')).to.equal('Ingen ansvarig');
    expect(claimBox(el).checked).to.equal(false);
    expect(timeline(el).at(-1)).to.contain(`${ME} arbetar inte längre med ärendet.`);
    await eventually(() => normalise(announcer(el).textContent) === 'Du arbetar inte längre med ärendet.');
    await expect(el).to.be.accessible();
  });

  it('someone else has the case: the checkbox is off and says who; Jag tar över ärendet is offered', async () => {
    const number = assignedTo(MOCK_USER_IDS.colleague);
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    const box = claimBox(el);
    expect(box.checked).to.equal(false);
    expect(box.disabled).to.equal(true);
    const hint = root(el).getElementById(box.getAttribute('aria-describedby')!)!;
    expect(normalise(hint.textContent)).to.equal(
      'Anna Berglund (ABCD01) arbetar med ärendet. Du kan ta över det.',
    );
    expect(hasButton(el, 'Jag tar över ärendet')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('take-over asks first; Avbryt (and Escape) change nothing and return focus', async () => {
    const number = assignedTo(MOCK_USER_IDS.colleague);
    const version = backend.store.peek(number)!.version;
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    button(el, 'Jag tar över ärendet').click();
    await eventually(() => openDialog(el));
    const modal = dialog(el, 'take-over-dialog');
    expect(normalise(modal.textContent)).to.contain(
      'Anna Berglund (ABCD01) är ansvarig handläggare. Om du tar över blir du ansvarig i stället.',
    );
    expect(normalise(focused(el)?.textContent)).to.equal('Avbryt');
    await expect(el).to.be.accessible();
    button(el, 'Avbryt').click();
    await el.updateComplete;
    expect(modal.open).to.equal(false);
    expect(focused(el)?.id).to.equal('take-over');

    button(el, 'Jag tar över ärendet').click();
    await eventually(() => modal.open);
    await sendKeys({ press: 'Escape' });
    await eventually(() => !modal.open);
    expect(focused(el)?.id).to.equal('take-over');
    expect(backend.store.peek(number)!.assignee?.id).to.equal('ABCD01');
    expect(backend.store.peek(number)!.version).to.equal(version);
  });

  it('take-over confirmed: the user becomes assignee, the history says from whom, focus on the checkbox', async () => {
    const number = assignedTo(MOCK_USER_IDS.colleague);
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    button(el, 'Jag tar över ärendet').click();
    await eventually(() => openDialog(el));
    const changed = oneEvent(el, SecureConversationChangedEvent.eventName);
    button(el, 'Ja, ta över ärendet').click();
    expect((await changed).detail).to.include({ change: 'taken-over', assigneeId: 'NAEF00' });
    await eventually(() => focused(el)?.id === 'claim');
    expect(backend.store.peek(number)!.assignee?.id).to.equal('NAEF00');
    expect(detail(el, 'Ansvarig handläggare')).to.equal(ME);
    expect(claimBox(el).checked).to.equal(true);
    expect(hasButton(el, 'Jag tar över ärendet')).to.equal(false);
    expect(timeline(el).at(-1)).to.contain(`${ME} tog över ärendet från Anna Berglund (ABCD01).`);
    await eventually(() => normalise(announcer(el).textContent) === 'Du har tagit över ärendet.');
    await expect(el).to.be.accessible();
  });

  it('concurrent claim: a colleague claims between loading and ticking → 412, who has it is shown, nothing overwritten', async () => {
    const number = unassigned(backend, 'sent');
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    const seen = backend.store.peek(number)!.version;
    asUser(backend, MOCK_USER_IDS.colleague, (u) => backend.store.claim(u, number, `"${seen}"`));
    let changes = 0;
    el.addEventListener(SecureConversationChangedEvent.eventName, () => changes++);
    claimBox(el).click();
    await eventually(() => alertText(el).includes('Ärendet hanteras redan av Anna Berglund (ABCD01).'));
    // Reloaded: the thread shows the colleague, the checkbox is off again.
    await eventually(() => detail(el, 'Ansvarig handläggare') === 'Anna Berglund (ABCD01)');
    expect(claimBox(el).checked).to.equal(false);
    expect(backend.store.peek(number)!.assignee?.id).to.equal('ABCD01');
    expect(backend.store.peek(number)!.history.filter((h) => h.action === 'claimed')).to.have.length(1);
    expect(changes).to.equal(0);
    // The alert speaks; the reload after it is not announced a second time.
    expect(normalise(announcer(el).textContent)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('take-over conflict: someone else took over while the dialog was open → who has it now, nothing overwritten', async () => {
    const number = assignedTo(MOCK_USER_IDS.colleague);
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    button(el, 'Jag tar över ärendet').click();
    await eventually(() => openDialog(el));
    const seen = backend.store.peek(number)!.version;
    asUser(backend, MOCK_USER_IDS.colleague2, (u) => backend.store.takeOver(u, number, `"${seen}"`));
    button(el, 'Ja, ta över ärendet').click();
    await eventually(() => focused(el)?.id === 'action-problem');
    expect(alertText(el)).to.contain('Ärendet hanteras redan av Erik Holmberg (EFGH02).');
    await eventually(() => detail(el, 'Ansvarig handläggare') === 'Erik Holmberg (EFGH02)');
    expect(backend.store.peek(number)!.assignee?.id).to.equal('EFGH02');
    // Still someone else's: take-over is still offered.
    expect(hasButton(el, 'Jag tar över ärendet')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('sends the version seen when the dialog opened, even if the thread refreshed meanwhile', async () => {
    const number = assignedTo(MOCK_USER_IDS.colleague);
    const el = await renderThread(mock.adapter(), number, { pollInterval: 0.05 });
    await loaded(el);
    button(el, 'Jag tar över ärendet').click();
    await eventually(() => openDialog(el));
    const seen = backend.store.peek(number)!.version;
    // A colleague releases and claims again: the same assignee, another version.
    asUser(backend, MOCK_USER_IDS.colleague, (u) => {
      backend.store.release(u, number, `"${seen}"`);
      backend.store.claim(u, number, `"${backend.store.peek(number)!.version}"`);
    });
    await eventually(
      () =>
        timeline(el).length ===
        backend.store.peek(number)!.messages.length + backend.store.peek(number)!.history.length,
    );
    button(el, 'Ja, ta över ärendet').click();
    await eventually(() => alertText(el).includes('Ärendet hanteras redan av Anna Berglund (ABCD01).'));
    expect(backend.store.peek(number)!.assignee?.id).to.equal('ABCD01');
  });

  it('a second toggle while a claim is under way does nothing', async () => {
    const number = unassigned(backend, 'new');
    backend.faults.add({
      kind: 'latency',
      ms: 300,
      match: { method: 'POST', path: `/conversations/${number}/claim` },
    });
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    claimBox(el).click();
    await el.updateComplete;
    expect(claimBox(el).checked, 'the box shows the claim being saved').to.equal(true);
    claimBox(el).click();
    claimBox(el).click();
    expect(claimBox(el).checked).to.equal(true);
    await eventually(() => detail(el, 'Ansvarig handläggare') === ME);
    await eventually(() => normalise(announcer(el).textContent) === 'Du arbetar nu med ärendet.');
    expect(backend.store.peek(number)!.assignee?.id).to.equal('NAEF00');
    expect(backend.store.peek(number)!.history.filter((h) => h.action !== 'claimed')).to.have.length(0);
    expect(alertText(el)).to.equal('');
    expect(claimBox(el).checked).to.equal(true);
  });

  it('401 on claim: secure-auth-required fires, nothing changes, and the conversation leaves the screen', async () => {
    const number = unassigned(backend, 'new');
    backend.faults.add({
      kind: 'status',
      status: 401,
      match: { method: 'POST', path: `/conversations/${number}/claim` },
    });
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    const auth = oneEvent(el, SecureAuthRequiredEvent.eventName);
    claimBox(el).click();
    await auth;
    await eventually(() => alertText(el).includes('Du har blivit utloggad.'));
    expect(backend.store.peek(number)!.assignee).to.equal(null);
    expect(root(el).querySelector('dl.details, ol.timeline')).to.equal(null);
    expect(hasField(el, 'Jag arbetar med ärendet')).to.equal(false);
  });

  it('keyboard only: Space ticks the checkbox; Enter opens the take-over dialog, Tab and Enter confirm', async () => {
    const number = unassigned(backend, 'new');
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    root(el).getElementById('thread-title')!.focus();
    for (let i = 0; i < 10 && focused(el) !== claimBox(el); i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(claimBox(el));
    await sendKeys({ press: ' ' });
    await eventually(() => backend.store.peek(number)!.assignee?.id === 'NAEF00');
    await eventually(() => claimBox(el).checked);

    // A colleague takes over; the user takes it back with the keyboard.
    asUser(backend, MOCK_USER_IDS.colleague, (u) =>
      backend.store.takeOver(u, number, `"${backend.store.peek(number)!.version}"`),
    );
    el.pollInterval = 0.05;
    await eventually(() => hasButton(el, 'Jag tar över ärendet'));
    el.pollInterval = 0;
    button(el, 'Jag tar över ärendet').focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => openDialog(el));
    expect(normalise(focused(el)?.textContent)).to.equal('Avbryt');
    await shiftTab();
    expect(normalise(focused(el)?.textContent)).to.equal('Ja, ta över ärendet');
    await sendKeys({ press: 'Enter' });
    await eventually(() => backend.store.peek(number)!.assignee?.id === 'NAEF00');
    await eventually(() => focused(el)?.id === 'claim');
  });

  it("a KPA case officer claims among KPA staff: KPA's assignee, the employer's stays", async () => {
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    const number = pick(
      backend,
      (r) => r.summary.assignee !== null && r.kpaAssignee === null && r.summary.status !== 'closed',
    );
    const employerAssignee = backend.store.record(number)!.summary.assignee!.id;
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    expect(detail(el, 'Ansvarig handläggare')).to.equal('Ingen ansvarig');
    expect(hasButton(el, 'Jag tar över ärendet')).to.equal(false);
    claimBox(el).click();
    await eventually(() => backend.store.record(number)!.kpaAssignee?.id === MOCK_USER_IDS.officer);
    await eventually(() => detail(el, 'Ansvarig handläggare').includes('Katarina Hallberg'));
    expect(backend.store.record(number)!.summary.assignee!.id).to.equal(employerAssignee);
    expect(hasButton(el, 'Markera konversation som avslutad')).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('<secure-thread> Markera konversation som avslutad', function () {
  this.timeout(30_000);
  const mock = useMockBackend();
  const { backend } = mock;

  it('is not offered to employer users', async () => {
    const el = await renderThread(mock.adapter(), unassigned(backend, 'sent'));
    await loaded(el);
    expect(hasButton(el, 'Markera konversation som avslutad')).to.equal(false);
  });

  it('is not offered on a conversation that is already Avslutad', async () => {
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    const el = await renderThread(
      mock.adapter(),
      pick(backend, (r) => r.summary.status === 'closed'),
    );
    await loaded(el);
    expect(hasButton(el, 'Markera konversation som avslutad')).to.equal(false);
  });

  it('asks first: Avbryt leaves the status as it was', async () => {
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    const number = pick(backend, (r) => r.summary.status === 'sent');
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    button(el, 'Markera konversation som avslutad').click();
    await eventually(() => openDialog(el));
    expect(normalise(dialog(el, 'close-dialog').querySelector('h3')?.textContent)).to.equal(
      'Markera konversationen som avslutad?',
    );
    await expect(el).to.be.accessible();
    button(el, 'Avbryt').click();
    await el.updateComplete;
    expect(openDialog(el)).to.equal(undefined);
    expect(focused(el)?.id).to.equal('close');
    expect(backend.store.peek(number)!.status).to.equal('sent');
    expect(detail(el, 'Status')).to.equal('Väntar på KPA');
  });

  it('confirmed: the status becomes Avslutad, announced, with a history line', async () => {
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    const number = pick(backend, (r) => r.summary.status === 'answered');
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    button(el, 'Markera konversation som avslutad').click();
    await eventually(() => openDialog(el));
    const changed = oneEvent(el, SecureConversationChangedEvent.eventName);
    button(el, 'Ja, markera som avslutad').click();
    expect((await changed).detail).to.include({ number, change: 'closed', status: 'closed' });
    await el.updateComplete;
    expect(backend.store.peek(number)!.status).to.equal('closed');
    expect(detail(el, 'Status')).to.equal('Avslutad');
    expect(hasButton(el, 'Markera konversation som avslutad')).to.equal(false);
    expect(timeline(el).at(-1)).to.contain(
      'KPA Pension, Katarina Hallberg markerade konversationen som avslutad.',
    );
    await eventually(() => focused(el)?.id === 'thread-title');
    await eventually(
      () => normalise(announcer(el).textContent) === 'Konversationen är markerad som avslutad.',
    );
    await expect(el).to.be.accessible();
  });

  it('a conflict (the employer wrote meanwhile) closes nothing and says so', async () => {
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    const number = pick(backend, (r) => r.summary.status === 'reply-received');
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    asUser(backend, 'NAEF00', (u) =>
      backend.store.reply(u, number, { body: 'En fråga till', files: [] }, 'k-1'),
    );
    button(el, 'Markera konversation som avslutad').click();
    await eventually(() => openDialog(el));
    button(el, 'Ja, markera som avslutad').click();
    await eventually(() => alertText(el).includes('Någon annan har ändrat ärendet.'));
    expect(backend.store.peek(number)!.status).to.equal('sent');
    await eventually(() => detail(el, 'Status') === 'Väntar på KPA');
    expect(focused(el)?.id).to.equal('action-problem');
    await expect(el).to.be.accessible();
  });
});
