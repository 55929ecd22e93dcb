import { fireEvent, render, screen } from '@testing-library/react';
import { UploadList, type UploadEntry } from './UploadList';

describe('UploadList', () => {
  const entry = (change: Partial<UploadEntry>): UploadEntry => ({
    id: '1', file: new File(['x'], 'a.png', { type: 'image/png' }), title: '한강', description: '',
    state: 'pending', progress: 0, ...change,
  });

  it('shows progress while uploading', () => {
    render(<UploadList entries={[entry({ state: 'uploading', progress: 0.42 })]} onChange={() => {}} onRetry={() => {}} />);
    expect(screen.getByText('uploading 42%')).toBeInTheDocument();
    expect(screen.getByLabelText('upload progress of a.png')).toHaveAttribute('value', '42');
  });

  it('shows the server message and a retry button when an upload failed', () => {
    const onRetry = vi.fn();
    render(<UploadList entries={[entry({ state: 'failed', error: 'title: must not be blank' })]} onChange={() => {}} onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('title: must not be blank');
    fireEvent.click(screen.getByText('Retry'));
    expect(onRetry).toHaveBeenCalled();
  });
});
