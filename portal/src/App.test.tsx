import { lazy, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { QueryClient } from '@tanstack/react-query';
import { AppProviders, ScreenFrame } from './App';

const future = { v7_startTransition: true, v7_relativeSplatPath: true };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

function renderFrame(children: ReactNode) {
  return render(
    <AppProviders client={new QueryClient()}>
      <MemoryRouter future={future}><ScreenFrame>{children}</ScreenFrame></MemoryRouter>
    </AppProviders>,
  );
}

describe('screens loaded on demand', () => {
  it('shows an accessible progress indicator until the screen has arrived', async () => {
    const chunk = deferred<{ default: () => JSX.Element }>();
    const Later = lazy(() => chunk.promise);
    renderFrame(<Later />);
    expect(await screen.findByRole('progressbar', { name: 'Loading the page' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toContainElement(screen.getByRole('progressbar'));
    await act(async () => chunk.resolve({ default: () => <h1>The board</h1> }));
    expect(await screen.findByRole('heading', { name: 'The board' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('offers a reload when a screen cannot be loaded (e.g. after an update removed its old chunk)', async () => {
    const chunk = deferred<{ default: () => JSX.Element }>();
    const Gone = lazy(() => chunk.promise);
    const quiet = console.error;
    console.error = () => {}; // React reports the caught error; expected here
    try {
      renderFrame(<Gone />);
      await act(async () => chunk.reject(new TypeError('Failed to fetch dynamically imported module: /assets/Board-old.js')));
      expect(await screen.findByRole('alert')).toHaveTextContent('This page could not be shown');
      expect(screen.getByRole('alert')).toHaveTextContent('Failed to fetch dynamically imported module');
      expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    } finally {
      console.error = quiet;
    }
  });
});
