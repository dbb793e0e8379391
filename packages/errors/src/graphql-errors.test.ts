import { badUserInput, codeMessage, forbidden, reasonMessage, serviceUnavailable, unauthenticated } from './index';

describe('the builders of GraphQL errors', () => {
  it('give each error its code and its message in the caller’s language', () => {
    expect([unauthenticated('fr').message, unauthenticated('fr').extensions]).toEqual([
      'Authentification requise ou jeton invalide.',
      { code: 'UNAUTHENTICATED' },
    ]);
    expect(forbidden('en').message).toBe('This action is not allowed.');
    expect(forbidden('fr', 'MEMBERS_OF_ESPACE_KO_ONLY').message).toBe('Action non permise. Réservé aux membres de l’Espace KO.');
    const window = badUserInput('en', 'WINDOW_TOO_LONG', { days: 92 });
    expect([window.message, window.extensions]).toEqual(['Invalid argument. Window of at most 92 days.', { code: 'BAD_USER_INPUT' }]);
    expect(badUserInput('fr', 'NOT_AN_ID', { name: 'displayedIn' }).message).toBe('Argument invalide. « displayedIn » n’est pas un identifiant valide.');
  });

  it('build SERVICE_UNAVAILABLE in one shape, with its reason', () => {
    const down = serviceUnavailable('LEDGER_UNAVAILABLE', 'en');
    expect([down.message, down.extensions]).toEqual([
      'The ledger of the shared spaces (tenants subgraph) did not answer: nothing was saved. Try again later.',
      { code: 'SERVICE_UNAVAILABLE', reason: 'LEDGER_UNAVAILABLE' },
    ]);
    expect(serviceUnavailable('LEDGER_NOT_CONFIGURED', 'fr').extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'LEDGER_NOT_CONFIGURED' });
  });

  it('render the messages of codes and reasons the gateway sends', () => {
    expect(codeMessage('PAYLOAD_TOO_LARGE', 'default', 'fr', { limit: 1024 })).toBe('Le corps de la requête dépasse la limite de 1024 octets.');
    expect(reasonMessage('SUBGRAPH_UNAVAILABLE', 'TIMEOUT', 'en', { subgraph: 'coworking' })).toBe(
      'The coworking service did not answer in time; its data is missing from this response.',
    );
  });
});
