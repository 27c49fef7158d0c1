import '../../shared/theme/feature-flags';
import { PortfolioApp } from '../../features/portfolio-shell/PortfolioApp';
import { mount } from '../../shared/ui/mount';

mount(<PortfolioApp />);
