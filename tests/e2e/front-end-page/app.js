// A front end on its own origin, written as a developer would from docs/front-end.md: the guide's
// fetch client (maison-client.js) and its operations (operations.json), nothing else.
import { maison } from '/maison-client.js';

const params = new URL(location.href).searchParams;
const gateway = params.get('gateway');
const today = params.get('today');
const $ = (id) => document.getElementById(id);
const state = { token: '', space: null, slot: null };
const operations = await (await fetch('/operations.json')).json();
const call = (name, variables) => maison(operations[name], variables, { token: state.token || undefined, url: gateway });

function addDays(date, days) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const show = (id, text, ok) => {
  $(id).textContent = text;
  $(id).className = ok ? 'ok' : 'error';
};
const errorsOf = (answer) => (answer.errors ?? []).map((e) => `${e.extensions?.code}: ${e.message}`).join(' | ');

$('sign-in').onclick = async () => {
  state.token = $('token').value.trim();
  const answer = await call('Me', {});
  if (answer.errors) return show('who', errorsOf(answer), false);
  const me = answer.data.me;
  show('who', `Connecté : ${me.roles.join(', ')}${me.tenant ? ` — ${me.tenant.name}` : ''}`, true);
};

$('load-month').onclick = async () => {
  const from = today;
  const answer = await call('MonthView', { from, to: addDays(from, 41) });
  if (answer.errors) return show('month-status', errorsOf(answer), false);
  const days = answer.data.calendar;
  show('month-status', `${days.length} jours chargés`, true);
  $('month').replaceChildren(
    ...days.map((day) => {
      const cell = document.createElement('div');
      cell.className = 'day';
      cell.dataset.date = day.date;
      const items = [
        ...day.exhibitionsOnView.map((e) => `Expo : ${e.title}`),
        ...day.coworkingEvents.map((e) => `Espace KO : ${e.title}`),
        ...day.spaceBookings.map((b) => `Réservé : ${b.title ?? 'occupé'}`),
      ];
      cell.innerHTML = `<b>${day.date}</b>`;
      for (const item of items) cell.append(Object.assign(document.createElement('div'), { textContent: item }));
      return cell;
    }),
  );
};

$('load-slots').onclick = async () => {
  const answer = await call('KitchenDay', { date: $('day').value });
  if (answer.errors) return show('slots', errorsOf(answer), false);
  state.space = answer.data.sharedSpace;
  state.slot = state.space.availability[0] ?? null;
  show('slots', state.slot ? `${state.space.availability.length} créneaux ; premier : ${state.slot.startsAt}` : 'aucun créneau', Boolean(state.slot));
};

async function book() {
  const input = { spaceId: state.space.id, startsAt: state.slot.startsAt, endsAt: state.slot.endsAt, title: params.get('title'), attendees: 3 };
  const answer = await call('BookKitchen', { input });
  if (answer.errors) return show('booking', errorsOf(answer), false);
  const { booking, userErrors } = answer.data.bookSharedSpace;
  if (userErrors.length > 0) return show('booking', userErrors.map((e) => `${e.code} — ${e.message}`).join(' | '), false);
  show('booking', `Réservé : ${booking.title} (${booking.id})`, true);
}
$('book').onclick = book;
$('book-again').onclick = book;

// For the test's own calls (pagination): the same client and operations, from the page's origin.
window.app = { call };
document.body.dataset.ready = 'true';
