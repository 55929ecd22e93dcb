import { fireEvent, render, screen } from '@testing-library/react';
import { UploadList, type UploadActions, type UploadEntry } from './UploadList';

describe('UploadList', () => {
  const entry = (change: Partial<UploadEntry>): UploadEntry => ({
    id: '1',
    file: new File(['x'], 'a.png', { type: 'image/png' }),
    title: '한강',
    description: '',
    state: 'pending',
    progress: 0,
    ...change,
  });
  const actions = (): UploadActions => ({
    onChange: vi.fn(),
    onRetry: vi.fn(),
    onPause: vi.fn(),
    onResume: vi.fn(),
    onDiscard: vi.fn(),
    onReselect: vi.fn(),
    onChangeAll: vi.fn(),
  });

  it('shows progress while uploading', () => {
    render(<UploadList entries={[entry({ state: 'uploading', progress: 0.42 })]} actions={actions()} />);
    expect(screen.getByText('uploading 42%')).toBeInTheDocument();
    expect(screen.getByLabelText('upload progress of a.png')).toHaveAttribute('value', '42');
    expect(screen.queryByText('Pause a.png')).not.toBeInTheDocument();
  });

  it('shows the server message and a retry button when an upload failed', () => {
    const given = actions();
    render(<UploadList entries={[entry({ state: 'failed', error: 'title: must not be blank' })]} actions={given} />);
    expect(screen.getByRole('alert')).toHaveTextContent('title: must not be blank');
    fireEvent.click(screen.getByText('Retry'));
    expect(given.onRetry).toHaveBeenCalled();
  });

  it('offers pause for an upload in parts, and resume or discard once paused', () => {
    const given = actions();
    const { rerender } = render(
      <UploadList entries={[entry({ state: 'uploading', photoId: 'p', progress: 0.3 })]} actions={given} />,
    );
    fireEvent.click(screen.getByText('Pause a.png'));
    expect(given.onPause).toHaveBeenCalled();

    rerender(
      <UploadList
        entries={[entry({ state: 'paused', photoId: 'p', progress: 0.3, pausedBy: 'offline' })]}
        actions={given}
      />,
    );
    expect(screen.getByText('paused at 30%: offline, resumes when back online')).toBeInTheDocument();
    fireEvent.click(screen.getByText('Resume a.png'));
    expect(given.onResume).toHaveBeenCalled();
    fireEvent.click(screen.getByText('Discard a.png'));
    expect(given.onDiscard).toHaveBeenCalled();
  });

  it('asks for the file again when a restored upload has none', () => {
    const given = actions();
    render(
      <UploadList
        entries={[
          entry({
            state: 'paused',
            photoId: 'p',
            progress: 0.5,
            needsFile: { size: 1, firstPartSha256: 'x', partSize: 5 },
          }),
        ]}
        actions={given}
      />,
    );
    expect(screen.getByText('paused at 50%: select a.png again to resume')).toBeInTheDocument();
    expect(screen.queryByText('Resume a.png')).not.toBeInTheDocument();
    const chosen = new File(['x'], 'a.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Select a.png'), { target: { files: [chosen] } });
    expect(given.onReselect).toHaveBeenCalledWith(expect.objectContaining({ id: '1' }), chosen);
  });

  it('shows many files as a compact grid with one progress bar, and sets one title for all of them', () => {
    const given = actions();
    URL.createObjectURL = vi.fn(() => 'blob:thumb');
    URL.revokeObjectURL = vi.fn();
    const many = Array.from({ length: 30 }, (_, i) =>
      entry({
        id: String(i),
        file: new File(['xxxx'], `IMG_${i}.jpg`, { type: 'image/jpeg' }),
        title: `IMG_${i}`,
        state: i < 10 ? 'ready' : i < 12 ? 'uploading' : 'pending',
        progress: i < 12 && i >= 10 ? 0.5 : 0,
      }),
    );

    render(<UploadList entries={many} actions={given} />);

    expect(screen.getAllByTestId('upload-item')).toHaveLength(30);
    expect(screen.queryByLabelText('Description')).not.toBeInTheDocument();
    // 10 done and two halfway of 30 equal files: 11 / 30
    expect(screen.getByLabelText('overall upload progress')).toHaveAttribute('value', '37');
    expect(screen.getByText('10 of 30 uploaded')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Title for all photos (optional)'), { target: { value: '돌잔치' } });
    expect(given.onChangeAll).toHaveBeenCalledWith({ title: '돌잔치' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove IMG_20.jpg' }));
    expect(given.onDiscard).toHaveBeenCalledWith(expect.objectContaining({ id: '20' }));
  });
});
