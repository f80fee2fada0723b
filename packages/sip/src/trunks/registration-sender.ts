/** A RegistrationSender over the endpoint: one client transaction per REGISTER. */
import type { SipResponse } from '../messages/sip-response';
import type { Destination } from '../transport/transport';
import type { Endpoint } from '../user-agent-core/endpoint';
import type { RegistrationSender } from './trunk-registration';

export class RegistrationTimeoutError extends Error {
  override readonly name = 'RegistrationTimeoutError';
}

export function registrationSender(endpoint: Endpoint, destination: Destination): RegistrationSender {
  return {
    send: (request) =>
      new Promise<SipResponse>((resolve, reject) => {
        const tx = endpoint.request(request, destination);
        tx.on('response', (response) => {
          if (response.status >= 200) resolve(response);
        });
        // Timer F (§17.1.2.2): the carrier never answered.
        tx.on('timeout', () => reject(new RegistrationTimeoutError(`no answer from ${destination.address}:${destination.port}`)));
      }),
  };
}
