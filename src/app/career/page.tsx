import type { Metadata } from 'next';
import { CareerScreen } from './_components/career-screen';

export const metadata: Metadata = { title: 'Career chat · jobstream' };

/** The career chat's first message: sending it opens the conversation on its own page. */
export default function CareerPage() {
  return <CareerScreen />;
}
